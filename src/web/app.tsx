import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout, PublicLayout } from './components/layout';
import { Loading, NotFoundPage } from './components/page-state';
import { RequirePermission } from './components/require-permission';
import { SignInPage } from './features/auth/sign-in';
import { OverviewPage } from './features/home/overview';
import { features } from './features';
import { LanguageProvider } from './i18n';
import { AuthProvider, RequireAuth } from './lib/auth';
import { RegionProvider } from './lib/region';

/** The routes: the sign-in page, the start page and every feature's pages; Dutch paths, since users share them. */
export function App() {
  return (
    <LanguageProvider>
      <BrowserRouter>
        <AuthProvider>
          <Routes>
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
          </Routes>
        </AuthProvider>
      </BrowserRouter>
    </LanguageProvider>
  );
}
