// Reads an .xlsx buffer into the engine's grid without exceljs: a small ZIP reader over Node's zlib
// (zip.ts) and indexOf-based scanners (xml-scan.ts) for the few parts the grid needs: the workbook
// and its relationships (workbook.ts), shared strings, styles, and the worksheets (sheet-layout.ts
// for where the data and merges are, sheet.ts for the cells). It yields exactly what parseXlsx
// (exceljs plus its fixes) yields, exceljs's quirks included (see the comments marked "exceljs:").
// A construct this reader does not reproduce throws FastXlsxUnsupported, and the caller reads the
// file with exceljs instead; a file that cannot be a workbook at all throws a ReadError, as
// parseXlsx does.
// Where the two differ: a file exceljs fails on (→ 'corrupt') because of something the grid does not
// need (conditional formats without a styles part, a damaged image, a missing comments part, malformed
// XML outside what this reader scans) is read here; so is one with a row, or a row's first cell, without
// `r` (read as the spec has it: after the previous row or cell), and a zip64 end record beside a complete
// classic one (JSZip takes it for data before the zip). A formula cell without `r` keeps its cached 0,
// which parseXlsx cannot find (it looks results up by address). Parts whose elements carry a prefix
// (`<x:c>`, as .NET's Open XML SDK writes them; exceljs fails on every such file) are read as the spec
// has them: parts found through their relationships whatever their names, stored results kept as written.
export { FastXlsxUnsupported } from './unsupported';
export { parseXlsxFast } from './workbook';
