import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout, PublicLayout } from './components/layout';
import { Loading, NotFoundPage } from './components/page-state';
import { AuditLogPage } from './features/audit/audit-log';
import { JobsPage } from './features/jobs/jobs-page';
import { SignInPage } from './features/auth/sign-in';
import { BudgetPage } from './features/budgets/budget-matrix';
import { CombinationListPage } from './features/combinations/combination-list';
import { DashboardPage } from './features/monitoring/dashboard-page';
import { KpiDetailPage } from './features/monitoring/kpi-detail-page';
import { SignalsPage } from './features/monitoring/signals-page';
import { TargetsPage } from './features/monitoring/targets-page';
import { HistoryPage } from './features/exchange/history-page';
import { QuarantineFilePage, QuarantinePage } from './features/exchange/quarantine-page';
import { TrajectoryListPage } from './features/exchange/trajectory-list';
import { UploadPage } from './features/exchange/upload-page';
import { ContractDetailPage } from './features/contracts/contract-detail';
import { ContractEditPage, ContractNewPage } from './features/contracts/contract-form';
import { ContractListPage } from './features/contracts/contract-list';
import { OverviewPage } from './features/home/overview';
import { ProductDetailPage } from './features/products/product-detail';
import { ProductEditPage, ProductNewPage } from './features/products/product-form';
import { ProductListPage } from './features/products/product-list';
import { ProviderDetailPage } from './features/providers/provider-detail';
import { ProviderEditPage, ProviderNewPage } from './features/providers/provider-form';
import { ProviderListPage } from './features/providers/provider-list';
import { RegionPage } from './features/region/region-page';
import { UserNewPage } from './features/users/user-form';
import { UserListPage } from './features/users/user-list';
import { LanguageProvider } from './i18n';
import { AuthProvider, RequireAuth } from './lib/auth';
import { RegionProvider } from './lib/region';

/** The routes; Dutch paths, since users share and bookmark them. */
export function App() {
  return (
    <LanguageProvider>
      <BrowserRouter>
        <AuthProvider>
          <Routes>
            <Route element={<PublicLayout />}>
              <Route path="/inloggen" element={<SignInPage />} />
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
              <Route path="aanbieders" element={<ProviderListPage />} />
              <Route path="aanbieders/nieuw" element={<ProviderNewPage />} />
              <Route path="aanbieders/:id" element={<ProviderDetailPage />} />
              <Route path="aanbieders/:id/bewerken" element={<ProviderEditPage />} />
              <Route path="combinaties" element={<CombinationListPage />} />
              <Route path="contracten" element={<ContractListPage />} />
              <Route path="contracten/nieuw" element={<ContractNewPage />} />
              <Route path="contracten/:id" element={<ContractDetailPage />} />
              <Route path="contracten/:id/bewerken" element={<ContractEditPage />} />
              <Route path="producten" element={<ProductListPage />} />
              <Route path="producten/nieuw" element={<ProductNewPage />} />
              <Route path="producten/:id" element={<ProductDetailPage />} />
              <Route path="producten/:id/bewerken" element={<ProductEditPage />} />
              <Route path="budgetten" element={<BudgetPage />} />
              <Route path="regio" element={<RegionPage />} />
              <Route path="berichten" element={<HistoryPage />} />
              <Route path="berichten/inlezen" element={<UploadPage />} />
              <Route path="berichten/quarantaine" element={<QuarantinePage />} />
              <Route path="berichten/quarantaine/:id" element={<QuarantineFilePage />} />
              <Route path="trajecten" element={<TrajectoryListPage />} />
              <Route path="dashboard" element={<DashboardPage />} />
              <Route path="dashboard/:kpi" element={<KpiDetailPage />} />
              <Route path="signalen" element={<SignalsPage />} />
              <Route path="doelen" element={<TargetsPage />} />
              <Route path="gebruikers" element={<UserListPage />} />
              <Route path="gebruikers/nieuw" element={<UserNewPage />} />
              <Route path="audit" element={<AuditLogPage />} />
              <Route path="beheer/taken" element={<JobsPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </AuthProvider>
      </BrowserRouter>
    </LanguageProvider>
  );
}
