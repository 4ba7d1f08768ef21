/** The editor's page, which the editor's actions revalidate after a change to its article. */
export const editorPage = ({ articleId }: { articleId: string }) => `/dashboard/articles/${articleId}`;
