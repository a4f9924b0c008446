import { Navigate, type RouteObject } from 'react-router';
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
        path: 'dashboard',
        lazy: async () => ({
          Component: (await import('../features/dashboard/components/DashboardPage')).DashboardPage,
        }),
      },
      {
        path: 'forecast',
        lazy: async () => ({
          Component: (await import('../features/forecasts/components/ForecastPage')).ForecastPage,
        }),
      },
      {
        path: 'pipeline',
        lazy: async () => ({
          Component: (await import('../features/opportunities/components/PipelineBoardPage')).PipelineBoardPage,
        }),
      },
      {
        path: 'opportunities/:id',
        lazy: async () => ({
          Component: (await import('../features/opportunities/components/OpportunityPage')).OpportunityPage,
        }),
      },
      {
        path: 'leads',
        lazy: async () => ({
          Component: (await import('../features/leads/components/LeadsPage')).LeadsPage,
        }),
      },
      {
        path: 'leads/:id',
        lazy: async () => ({
          Component: (await import('../features/leads/components/LeadPage')).LeadPage,
        }),
      },
      {
        path: 'accounts',
        lazy: async () => ({
          Component: (await import('../features/directory/components/AccountsPage')).AccountsPage,
        }),
      },
      {
        path: 'accounts/:id',
        lazy: async () => ({
          Component: (await import('../features/directory/components/AccountPage')).AccountPage,
        }),
      },
      {
        path: 'contacts',
        lazy: async () => ({
          Component: (await import('../features/directory/components/ContactsPage')).ContactsPage,
        }),
      },
      {
        path: 'contacts/:id',
        lazy: async () => ({
          Component: (await import('../features/directory/components/ContactPage')).ContactPage,
        }),
      },
      {
        path: 'surveys',
        lazy: async () => ({
          Component: (await import('../features/surveys/components/SurveysPage')).SurveysPage,
        }),
      },
      {
        // Managers and admins only: the page itself turns a rep away (RequireRole takes one role).
        path: 'people',
        lazy: async () => ({
          Component: (await import('../features/people/components/PeoplePage')).PeoplePage,
        }),
      },
      {
        path: 'my-pay',
        lazy: async () => ({
          Component: (await import('../features/people/components/MyPayPage')).MyPayPage,
        }),
      },
      {
        path: 'account/password',
        lazy: async () => ({
          Component: (await import('../features/account/components/ChangePasswordPage')).ChangePasswordPage,
        }),
      },
      {
        // Admin pages are loaded on first visit, so people who never open them never download them.
        path: 'admin',
        element: <RequireRole role="admin" />,
        children: [
          {
            lazy: async () => ({
              Component: (await import('../features/admin/components/AdminLayout')).AdminLayout,
            }),
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              {
                path: 'users',
                lazy: async () => ({
                  Component: (await import('../features/users/components/UsersPage')).UsersPage,
                }),
              },
              {
                path: 'teams',
                lazy: async () => ({
                  Component: (await import('../features/teams/components/TeamsPage')).TeamsPage,
                }),
              },
              {
                path: 'integration-clients',
                lazy: async () => ({
                  Component: (await import('../features/integration-clients/components/IntegrationClientsPage'))
                    .IntegrationClientsPage,
                }),
              },
              {
                path: 'pipelines',
                lazy: async () => ({
                  Component: (await import('../features/pipelines/components/PipelinesPage')).PipelinesPage,
                }),
              },
              {
                path: 'lost-reasons',
                lazy: async () => ({
                  Component: (await import('../features/lost-reasons/components/LostReasonsPage')).LostReasonsPage,
                }),
              },
              {
                path: 'quotas',
                lazy: async () => ({
                  Component: (await import('../features/quotas/components/QuotasPage')).QuotasPage,
                }),
              },
              {
                path: 'calendar',
                lazy: async () => ({
                  Component: (await import('../features/calendar/components/NonWorkingDaysPage')).NonWorkingDaysPage,
                }),
              },
              {
                path: 'surveys',
                lazy: async () => ({
                  Component: (await import('../features/surveys/components/SurveysAdminPage')).SurveysAdminPage,
                }),
              },
              {
                path: 'lead-scoring',
                lazy: async () => ({
                  Component: (await import('../features/lead-scoring/components/LeadScoringAdminPage'))
                    .LeadScoringAdminPage,
                }),
              },
              {
                path: 'certifications',
                lazy: async () => ({
                  Component: (await import('../features/people/components/CertificationsPage')).CertificationsPage,
                }),
              },
              {
                path: 'commission-plans',
                lazy: async () => ({
                  Component: (await import('../features/people/components/CommissionPlansPage')).CommissionPlansPage,
                }),
              },
              {
                path: 'organisation',
                lazy: async () => ({
                  Component: (await import('../features/organisation/components/OrganisationSettingsPage'))
                    .OrganisationSettingsPage,
                }),
              },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
