/** Entry of the site owner's dashboard, served at /admin (server/admin/dashboard.routes.ts). */
import './admin.css';
import { createRoot } from 'react-dom/client';
import { Dashboard } from './App.tsx';
import { createAdminApi } from './api.ts';

const root = document.getElementById('admin-root');
// The API is on the dashboard's own origin.
if (root) createRoot(root).render(<Dashboard api={createAdminApi('')} />);
