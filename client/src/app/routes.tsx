import type { RouteObject } from 'react-router';
import { LoadingState } from '../components/ui';
import { RequireAuth, SignInPage } from '../features/auth';
import { MyDayPage } from '../features/my-day/components/MyDayPage';
import { NotFoundPage } from './NotFoundPage';
import { RequireRole } from './RequireRole';
import { AppShell } from './shell/AppShell';

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/',
    // Shown while a lazily loaded page is fetched on a first visit straight to it.
    hydrateFallbackElement: <LoadingState />,
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <MyDayPage /> },
      {
        path: 'admin',
        element: <RequireRole role="admin" />,
        children: [
          {
            index: true,
            lazy: async () => ({
              Component: (await import('../features/users/components/UsersPage')).UsersPage,
            }),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
