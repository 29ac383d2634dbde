/** `electron-store` for the built bundle: conf underneath, as electron-store is. */
import { ElectronStoreStandIn } from '../../unit/app/fake-modules.ts';

export default ElectronStoreStandIn;
