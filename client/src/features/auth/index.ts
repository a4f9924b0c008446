export { installAuth } from './api/installAuth';
export { useMe, type Me, type Role } from './api/useMe';
export { RequireAuth } from './components/RequireAuth';
export { SignInPage } from './components/SignInPage';
export { useSignOut } from './hooks/useSignOut';
export { ROLES, roleLabel } from './roleLabel';
export { sessionStore } from './session/sessionStore';
