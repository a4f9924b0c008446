import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMe, useSignOut } from '../../features/auth';

/**
 * The signed-in person's menu: a disclosure button that shows their account links. Escape, a click
 * or a move of focus outside closes it.
 */
export function AccountMenu({ displayName }: { displayName: string }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const signOut = useSignOut();
  // Reps and managers are paid by commission plans; admins are not.
  const role = useMe().data?.role;

  useEffect(() => {
    if (!open) return;
    const closeWhenOutside = (event: Event) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeWhenOutside);
    document.addEventListener('focusin', closeWhenOutside);
    return () => {
      document.removeEventListener('pointerdown', closeWhenOutside);
      document.removeEventListener('focusin', closeWhenOutside);
    };
  }, [open]);

  return (
    <div
      ref={rootRef}
      className="account-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          toggleRef.current?.focus();
        }
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="account-menu__toggle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => {
          setOpen((value) => !value);
        }}
      >
        {displayName}
        <span className="visually-hidden">: account</span>
        <span aria-hidden="true" className="account-menu__caret">
          ▾
        </span>
      </button>
      <ul id={menuId} className="account-menu__list" hidden={!open}>
        {role && role !== 'admin' && (
          <li>
            <Link
              to="/my-pay"
              className="account-menu__item"
              onClick={() => {
                setOpen(false);
              }}
            >
              My pay
            </Link>
          </li>
        )}
        <li>
          <Link
            to="/account/password"
            className="account-menu__item"
            onClick={() => {
              setOpen(false);
            }}
          >
            Change password
          </Link>
        </li>
        <li>
          <button
            type="button"
            className="account-menu__item"
            onClick={() => {
              signOut();
            }}
          >
            Sign out
          </button>
        </li>
      </ul>
    </div>
  );
}
