/** The public surface of accounts and sessions: who is acting, and the accounts other modules and tools create. */
export {
  createUser,
  isInstallationKeeper,
  narrowToRegion,
  regionNamedIn,
  openSession,
  resolveSession,
  updateUser,
  withScope,
  type Actor,
} from './auth.service.js';
export { SignInThrottle, type ThrottlePolicy } from './sign-in-throttle.js';
