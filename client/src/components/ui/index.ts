import './ui.css';
export { Alert } from './Alert';
export { Button } from './Button';
export { EmptyState, ErrorState, LoadingState } from './States';
export { TextField } from './TextField';
