/** `@github/keytar` for the built bundle: the in-memory keychain of the unit tests. */
import { fakeKeytar } from '../../unit/app/fake-modules.ts';

export default fakeKeytar;
