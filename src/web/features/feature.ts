/**
 * The seam between the app frame and its features. Each feature folder declares itself in one `feature.tsx`
 * (its pages, its menu entries, its start-page tiles) and `features/index.ts` lists them; the routes in app.tsx,
 * the main menu in the layout and the start page are built from that list. Every page, entry and tile names a
 * permission of the one table (src/shared/permissions.ts): who may not use it does not see it, and a page opened
 * anyway says "Geen toegang" instead of failing on its first fetch.
 */
import type { ComponentType, ReactElement } from 'react';
import type { Permission } from '../../shared/permissions';
import type { Msg } from '../i18n';

/** The menu's sections, in menu order. A section without entries for the user is not shown. */
export const menuSections = [
  { id: 'landschap', label: 'Landschap' },
  { id: 'inkoop', label: 'Contracten en inkoop' },
  { id: 'berichten', label: 'Berichten' },
  { id: 'sturing', label: 'Sturing' },
  { id: 'instrumenten', label: 'Instrumenten' },
  { id: 'beheer', label: 'Beheer' },
] as const satisfies ReadonlyArray<{ id: string; label: Msg }>;

export type MenuSection = (typeof menuSections)[number]['id'];

export interface FeatureRoute {
  /** Relative to the root, as react-router takes it: 'aanbieders/:id'. */
  path: string;
  element: ReactElement;
  permission: Permission;
}

export interface MenuEntry {
  section: MenuSection;
  label: Msg;
  path: string;
  permission: Permission;
  /** Other paths (prefixes) on which this entry stays marked, e.g. the dashboard's own tabs. */
  also?: string[];
}

export interface StartTile {
  /** Unique over all features; the tile's key. */
  id: string;
  permission: Permission;
  component: ComponentType;
}

/** How the audit log names an object kind a server module records (its `auditEntities`), and where it is shown. */
export interface AuditEntityLabel {
  label: Msg;
  /** The object's page, followed by its id: '/aanbieders'. */
  path?: string;
}

export interface WebFeature {
  id: string;
  routes: FeatureRoute[];
  /**
   * Pages without sign-in, in the public frame (like the sign-in page), for what the table grants the public:
   * published figures only.
   */
  publicRoutes?: FeatureRoute[];
  menu?: MenuEntry[];
  tiles?: StartTile[];
  /** Labels for the audit log, keyed by the server's entity name (each server entity has one, tested). */
  auditEntities?: Record<string, AuditEntityLabel>;
}
