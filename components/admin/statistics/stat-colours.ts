/**
 * The statistics charts' colours (app/globals.css: brand-600, danger, warning, muted, success),
 * each ≥ 3:1 on white. A plain module, not the chart's 'use client' one: a server page importing
 * a value from a client module gets a reference, not the value.
 */
export const STAT_COLOURS = ['#0b5394', '#b3261e', '#8a5a00', '#56606b', '#1e6b35'] as const;
