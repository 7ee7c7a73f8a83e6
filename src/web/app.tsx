import { createBrowserRouter, createRoutesFromElements, Outlet, Route, RouterProvider } from 'react-router';
import { Layout, PublicLayout } from './components/layout';
import { Loading, NotFoundPage } from './components/page-state';
import { RequirePermission } from './components/require-permission';
import { SignInPage } from './features/auth/sign-in';
import { OverviewPage } from './features/home/overview';
import { features } from './features';
import { LanguageProvider } from './i18n';
import { AuthProvider, RequireAuth } from './lib/auth';
import { RegionProvider } from './lib/region';

/**
 * The routes: the sign-in page, the start page and every feature's pages; Dutch paths, since users share them. A data
 * router (not <BrowserRouter>), so a form left half-filled can hold a navigation back (useBlocker, lib/use-unsaved-changes).
 */
const routes = createRoutesFromElements(
  <Route
    element={
      <AuthProvider>
        <Outlet />
      </AuthProvider>
    }
  >
    <Route element={<PublicLayout />}>
      <Route path="/inloggen" element={<SignInPage />} />
    </Route>
    <Route element={<PublicLayout wide />}>
      {features.flatMap((feature) =>
        (feature.publicRoutes ?? []).map((route) => (
          <Route key={route.path} path={route.path} element={route.element} />
        )),
      )}
    </Route>
    <Route
      element={
        <RequireAuth loading={<Loading />}>
          <RegionProvider>
            <Layout />
          </RegionProvider>
        </RequireAuth>
      }
    >
      <Route index element={<OverviewPage />} />
      {features.flatMap((feature) =>
        feature.routes.map((route) => (
          <Route
            key={route.path}
            path={route.path}
            element={<RequirePermission permission={route.permission}>{route.element}</RequirePermission>}
          />
        )),
      )}
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </Route>,
);

let router: ReturnType<typeof createBrowserRouter> | undefined;

export function App() {
  router ??= createBrowserRouter(routes);
  return (
    <LanguageProvider>
      <RouterProvider router={router} />
    </LanguageProvider>
  );
}
