-- CreateTable
CREATE TABLE "Download" (
    "id" TEXT NOT NULL,
    "personId" INTEGER,
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Download_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Download_expiresAt_idx" ON "Download"("expiresAt");

-- CreateIndex
CREATE INDEX "Download_personId_idx" ON "Download"("personId");
