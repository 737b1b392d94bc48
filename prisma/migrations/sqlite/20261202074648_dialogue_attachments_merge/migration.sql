-- AlterTable
ALTER TABLE "Question" ADD COLUMN "attachments" TEXT;
ALTER TABLE "Question" ADD COLUMN "mergedIntoId" INTEGER;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN "followUpId" INTEGER;

-- AlterTable
ALTER TABLE "QuestionEvent" ADD COLUMN "attachments" TEXT;

-- CreateTable
CREATE TABLE "Attachment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "origin" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "name" TEXT,
    "mime" TEXT,
    "size" INTEGER,
    "content" BLOB,
    "personId" INTEGER,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "DeliveryWatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "keyHash" TEXT NOT NULL,
    "cadreId" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuestionVote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "questionId" INTEGER NOT NULL,
    "voterKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "deliverTo" TEXT,
    "followUps" BOOLEAN NOT NULL DEFAULT false,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_QuestionVote" ("createdAt", "deliverTo", "id", "kind", "questionId", "voterKey") SELECT "createdAt", "deliverTo", "id", "kind", "questionId", "voterKey" FROM "QuestionVote";
DROP TABLE "QuestionVote";
ALTER TABLE "new_QuestionVote" RENAME TO "QuestionVote";
CREATE UNIQUE INDEX "QuestionVote_questionId_voterKey_key" ON "QuestionVote"("questionId", "voterKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Attachment_expiresAt_idx" ON "Attachment"("expiresAt");

-- CreateIndex
CREATE INDEX "Attachment_personId_idx" ON "Attachment"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryWatch_keyHash_key" ON "DeliveryWatch"("keyHash");

-- CreateIndex
CREATE INDEX "DeliveryWatch_createdAt_idx" ON "DeliveryWatch"("createdAt");
