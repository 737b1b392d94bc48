-- AlterTable
ALTER TABLE "Question" ADD COLUMN     "attachments" TEXT,
ADD COLUMN     "mergedIntoId" INTEGER;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "followUpId" INTEGER;

-- AlterTable
ALTER TABLE "QuestionVote" ADD COLUMN     "anonymous" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "followUps" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "QuestionEvent" ADD COLUMN     "attachments" TEXT;

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "name" TEXT,
    "mime" TEXT,
    "size" INTEGER,
    "content" BYTEA,
    "personId" INTEGER,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryWatch" (
    "id" SERIAL NOT NULL,
    "keyHash" TEXT NOT NULL,
    "cadreId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeliveryWatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attachment_expiresAt_idx" ON "Attachment"("expiresAt");

-- CreateIndex
CREATE INDEX "Attachment_personId_idx" ON "Attachment"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryWatch_keyHash_key" ON "DeliveryWatch"("keyHash");

-- CreateIndex
CREATE INDEX "DeliveryWatch_createdAt_idx" ON "DeliveryWatch"("createdAt");
