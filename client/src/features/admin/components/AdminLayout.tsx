import { NavLink, Outlet } from 'react-router';

const SECTIONS = [
  { to: 'users', label: 'Users' },
  { to: 'teams', label: 'Teams' },
  { to: 'integration-clients', label: 'Integration clients' },
  { to: 'pipelines', label: 'Pipelines & stages' },
  { to: 'lost-reasons', label: 'Lost reasons' },
  { to: 'quotas', label: 'Quotas' },
  { to: 'calendar', label: 'Calendar' },
  { to: 'surveys', label: 'Surveys' },
  { to: 'lead-scoring', label: 'Lead scoring' },
  { to: 'certifications', label: 'Certifications' },
  { to: 'commission-plans', label: 'Commission plans' },
  { to: 'organisation', label: 'Organisation' },
] as const;

/** The admin area's own navigation above its pages; the route guard lets only admins in. */
export function AdminLayout() {
  return (
    <>
      <nav aria-label="Admin" className="subnav">
        <ul className="subnav__links">
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} className="topnav__link">
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
