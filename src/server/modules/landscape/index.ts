/** The public surface of the care landscape's master data, for the demo seed, tools and other modules. */
export { createBudget, listBudgets } from './budgets/budgets.service.js';
export { budgetYearOfRegion, paidByIjw, writeRealisations } from './budgets/realisations.service.js';
export { createCombination } from './combinations/combinations.service.js';
export { createContract } from './contracts/contracts.service.js';
export {
  contractedProvidersInYear,
  listRegionContracts,
  type ContractedProvider,
  type RegionContract,
} from './contracts/region-contracts.js';
export { createProduct } from './products/products.service.js';
export {
  createProvider,
  getProvider,
  listRegionTiers,
  setRegionTiers,
  type TierCodes,
} from './providers/providers.service.js';
export { createRegion, defaultTierLevels, getRegion } from './regions/regions.service.js';
export {
  budgetLinesDigest,
  careWithStay,
  categoryBudgetLines,
  contractEnd,
  contractPeriods,
  contractedProducts,
  contractPeriodsDigest,
  lotContractPeriods,
  effectiveEndDate,
  municipalityProducts,
  productsDigest,
} from './rules.js';
export {
  centroidsOf,
  importCentroids,
  locationPoints,
  parseCentroidsCsv,
  providersLocatedOutside,
  type Centroid,
} from './postcodes/postcodes.service.js';
export { findCareContract, type CareContract } from './contracts/care-contract.js';
