/** Class names shared by the editor's parts (staff areas are light-only; focus rings come from globals.css). */
export const inputClass =
  "mt-1 block w-full rounded border border-gray-500 bg-white px-3 py-2 text-base text-ink aria-[invalid=true]:border-red-700 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-700 read-only:bg-gray-50 disabled:bg-gray-100";
export const labelClass = "block text-sm font-semibold";
export const hintClass = "mt-1 text-sm text-muted";
export const errorClass = "mt-1 text-sm font-semibold text-red-800";
export const buttonClass =
  "inline-flex items-center gap-1 rounded border border-gray-500 bg-white px-3 py-1.5 text-sm font-semibold text-ink hover:bg-gray-100 disabled:cursor-not-allowed disabled:opacity-60";
export const primaryButtonClass =
  "inline-flex items-center gap-1 rounded border border-blue-900 bg-blue-800 px-4 py-1.5 text-sm font-semibold text-white hover:bg-blue-900 disabled:cursor-not-allowed disabled:opacity-60";
export const dangerButtonClass =
  "inline-flex items-center gap-1 rounded border border-red-900 bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900 disabled:cursor-not-allowed disabled:opacity-60";
export const panelClass = "rounded border border-gray-300 bg-white p-4";
export const panelHeadingClass = "text-base font-bold";
