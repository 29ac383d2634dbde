/** `electron-log/main` for the built bundle: a quiet instance writing its file as the app's would. */
import { quietLog } from '../../unit/app/fake-modules.ts';

export default quietLog();
