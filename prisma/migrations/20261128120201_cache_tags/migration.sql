-- CreateTable
CREATE TABLE "CacheTag" (
    "tag" TEXT NOT NULL,
    "expiredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CacheTag_pkey" PRIMARY KEY ("tag")
);

-- CreateIndex
CREATE INDEX "CacheTag_expiredAt_idx" ON "CacheTag"("expiredAt");
