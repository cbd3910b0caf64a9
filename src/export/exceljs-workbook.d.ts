/**
 * The module of exceljs's Workbook class (lib/doc/workbook.js), imported on its own by xlsx.ts;
 * exceljs ships types only for its index, whose Workbook this is.
 */
declare module 'exceljs/lib/doc/workbook.js' {
  import type { Workbook } from 'exceljs';
  const WorkbookClass: typeof Workbook;
  export default WorkbookClass;
}
