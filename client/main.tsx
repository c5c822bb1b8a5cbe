import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError, setUnauthorizedHandler } from './api';
import './components/plain/plain.css';
import './components/plain/controls.css';
import { meQuery } from './features/auth/queries';
import { myActivitiesQuery } from './features/my/queries';
import { startI18n } from './i18n';
import { registerServiceWorker } from './offline-copy';
import { keys } from './query-keys';
import { AppRoutes, PHONE_PAGE } from './router';

// Nothing here imports antd: a member's phone pages are plain HTML, and the management screens
// bring antd with their own chunk (`shell/ant-shell.tsx`).

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (403, 404, 422) will not change on retry; only network and server failures might.
      retry: (count, error) =>
        count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      // Offline, a query is still tried once: the service worker may answer it as last seen.
      networkMode: 'offlineFirst',
    },
    // A change is sent whatever the browser believes of the network, and fails at once without one
    // (react-query would otherwise hold it silently until the network returns): the check-in
    // keeps it on the phone instead, and says so.
    mutations: { networkMode: 'always' },
  },
});

// An expired session anywhere makes the auth gate send the user to /login.
setUnauthorizedHandler(() => queryClient.setQueryData(keys.me, null));

// Who is signed in (and on the member's pages, what is next) is asked while the language loads,
// not one round trip after another.
void queryClient.prefetchQuery(meQuery);
if (PHONE_PAGE.test(window.location.pathname)) void queryClient.prefetchQuery(myActivitiesQuery);
await startI18n();
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AppRoutes />
    </QueryClientProvider>
  </StrictMode>,
);
