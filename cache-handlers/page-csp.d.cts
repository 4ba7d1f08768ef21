export declare const BASE_DIRECTIVES: readonly string[];
export declare function isNextInlineScript(attributes: string, body: string): boolean;
export declare function nextInlineScriptHashes(html: string): string[];
export declare function publicPageCsp(html: string): string;
export declare function addPublicPageCsp(data: { kind?: string; html?: unknown; headers?: Record<string, unknown> } | null | undefined): void;
