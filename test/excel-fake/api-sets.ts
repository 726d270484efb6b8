// The ExcelApi requirement set of every member the double models. A host below the set answers
// the call with ApiNotFound when the batch runs ("The API you are trying to use could not be
// found. It may be available in a newer version": Error handling with the application-specific
// JavaScript APIs). Sets as the Excel JavaScript API reference gives them in each member's
// "[Api set: ExcelApi 1.x]" remark (the same text ships in @types/office-js).

export const API_SETS: Record<string, number> = {
  'Application.decimalSeparator': 11,
  'Application.useSystemSeparators': 11,
  'Application.cultureInfo': 11,
  'Application.suspendApiCalculationUntilNextSync': 6,
  'Range.getMergedAreasOrNullObject': 13,
  'Range.select': 1,
  'Range.clear': 1,
  'RangeAreas.areaCount': 9,
  'RangeAreas.select': 18,
  'RangeFill.pattern': 9,
  'RangeFill.patternColor': 9,
  'RangeFill.tintAndShade': 9,
  'RangeFill.patternTintAndShade': 9,
  'RangeFormat.autofitColumns': 2,
  'Worksheet.getRanges': 9,
  'Worksheet.getRangeByIndexes': 7,
  'Worksheet.getUsedRange(valuesOnly)': 2,
  'Worksheet.protection': 2,
  /** 1.1 to read visibility, 1.2 to set it. */
  'Worksheet.visibility=': 2,
  'WorksheetCollection.getItemOrNullObject': 4,
  /** RunOptions.mergeUndoGroup. */
  'Excel.run(mergeUndoGroup)': 20,
};

/** The set a member needs (1 when it is not listed: it is in ExcelApi 1.1). */
export function apiSetOf(member: string): number {
  return API_SETS[member] ?? 1;
}
