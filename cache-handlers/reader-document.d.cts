export declare const DOCUMENT_MARKER: "data-reader-document";
export declare const HYDRATE_MARKER: "data-hydrate";
export declare const READER_SCRIPT: string;
export declare function isReaderDocument(html: string): boolean;
export declare function stripClientRuntime(html: string): string;
export declare function setDocumentLanguage(html: string): string;
export declare function toReaderDocument(data: { kind?: string; html?: unknown } | null | undefined): void;
