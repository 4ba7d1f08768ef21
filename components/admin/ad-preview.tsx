"use client";
/**
 * A saved ad slot as readers will see it, under the admin's form, and (for an image ad) whether the image loads in
 * this browser: the server checks addresses when it can (lib/data/ad-slots.ts), the browser has the last word.
 */
import { useEffect, useState, type ComponentProps } from "react";
import { AdSlot, type AdPlacementName } from "@/components/article/ad-slot";

type Ad = NonNullable<ComponentProps<typeof AdSlot>["ad"]>;

const PLACEMENT: Record<"HEADER" | "IN_ARTICLE" | "SIDEBAR", AdPlacementName> = { HEADER: "header", IN_ARTICLE: "in-article", SIDEBAR: "sidebar" };

type Loaded = { state: "loading" } | { state: "loaded"; width: number; height: number } | { state: "failed" };

function useImageStatus(src: string | null): Loaded {
  const [status, setStatus] = useState<{ src: string | null; loaded: Loaded }>({ src, loaded: { state: "loading" } });
  useEffect(() => {
    if (!src) return;
    const image = new Image();
    image.onload = () => setStatus({ src, loaded: { state: "loaded", width: image.naturalWidth, height: image.naturalHeight } });
    image.onerror = () => setStatus({ src, loaded: { state: "failed" } });
    image.src = src;
    return () => {
      image.onload = null;
      image.onerror = null;
    };
  }, [src]);
  return status.src === src ? status.loaded : { state: "loading" };
}

export function AdPreview({ ad, placement }: { ad: Ad; placement: keyof typeof PLACEMENT }) {
  const status = useImageStatus(ad.kind === "IMAGE" ? ad.imageUrl : null);
  return (
    <div className="space-y-2">
      <div className={placement === "SIDEBAR" ? "max-w-[300px]" : undefined}>
        <AdSlot ad={ad} houseAd={null} placement={PLACEMENT[placement]} />
      </div>
      {ad.kind === "IMAGE" && (
        <p role="status" className={`text-sm ${status.state === "failed" ? "font-semibold text-red-800" : "text-muted"}`}>
          {status.state === "loading" && "Loading the image…"}
          {status.state === "loaded" && `The image loads (${status.width} × ${status.height} pixels).`}
          {status.state === "failed" && "The image does not load in this browser: check its address."}
        </p>
      )}
    </div>
  );
}
