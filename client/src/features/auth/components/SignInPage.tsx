import { Navigate, useLocation } from 'react-router';
import { Alert } from '../../../components/ui';
import { sessionStore } from '../session/sessionStore';
import { useSession } from '../session/useSession';
import { SignInForm } from './SignInForm';
import './sign-in.css';

export function SignInPage() {
  const session = useSession();
  const location = useLocation();
  if (session) {
    const from = (location.state as { from?: string } | null)?.from ?? '/';
    return <Navigate to={from} replace />;
  }
  const notice = sessionStore.ending()?.notice;
  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <h1 className="sign-in__title">Sign in to SalesCrm</h1>
        {notice && <Alert tone="info">{notice}</Alert>}
        <SignInForm />
      </div>
    </main>
  );
}
