/** `phi-scan inventory`: where PHI lives, by table and column name. */
export { buildInventory, type Inventory, type InventoryColumn, type InventoryRelation, type InventoryTable, type SourceRef } from './build.js';
export { formatInventory, type InventoryFormat } from './format.js';
