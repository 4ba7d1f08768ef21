/**
 * The article page's body with its ad slots: the header slot above the article, the in-article slot after the
 * body's Nth paragraph (the site's setting), and on wide screens a sidebar slot beside the article. A placement
 * with no ad shows the house message when it is on, and nothing otherwise (the sidebar column then goes too).
 */
import type { ComponentProps } from "react";
import { AdSlot, type HouseAd } from "@/components/article/ad-slot";
import { ArticleView } from "@/components/article/article-view";

type Ad = NonNullable<ComponentProps<typeof AdSlot>["ad"]>;

type Props = Omit<ComponentProps<typeof ArticleView>, "inBody"> & {
  ads: { header?: Ad; inArticle?: Ad; sidebar?: Ad };
  houseAd: HouseAd | null;
  adParagraph: number;
};

export function ArticleWithAds({ ads, houseAd, adParagraph, ...view }: Props) {
  const { text } = view;
  const hasSidebar = Boolean(ads.sidebar || houseAd);
  const inBody = ads.inArticle || houseAd ? { afterParagraph: adParagraph, block: <AdSlot ad={ads.inArticle} houseAd={houseAd} placement="in-article" text={text} /> } : undefined;
  return (
    <>
      <AdSlot ad={ads.header} houseAd={houseAd} placement="header" text={text} />
      {hasSidebar ? (
        <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_300px] lg:gap-10">
          <ArticleView {...view} inBody={inBody} />
          <div className="hidden lg:block">
            <div className="sticky top-4">
              <AdSlot ad={ads.sidebar} houseAd={houseAd} placement="sidebar" text={text} />
            </div>
          </div>
        </div>
      ) : (
        <ArticleView {...view} inBody={inBody} />
      )}
    </>
  );
}
