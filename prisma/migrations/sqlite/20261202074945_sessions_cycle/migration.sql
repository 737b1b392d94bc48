-- AlterTable
ALTER TABLE "DialogueSession" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "DialogueSession" ADD COLUMN "liveAt" DATETIME;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Commitment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" INTEGER NOT NULL,
    "questionId" INTEGER,
    "text" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "ownerUnitId" INTEGER,
    "ownerPersonId" INTEGER,
    "questionIds" TEXT NOT NULL DEFAULT '',
    "progress" TEXT,
    "progressAt" DATETIME,
    "dueAt" DATETIME NOT NULL,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Commitment" ("createdAt", "doneAt", "dueAt", "id", "owner", "questionId", "sessionId", "text") SELECT "createdAt", "doneAt", "dueAt", "id", "owner", "questionId", "sessionId", "text" FROM "Commitment";
DROP TABLE "Commitment";
ALTER TABLE "new_Commitment" RENAME TO "Commitment";
CREATE INDEX "Commitment_sessionId_idx" ON "Commitment"("sessionId");
CREATE INDEX "Commitment_ownerUnitId_idx" ON "Commitment"("ownerUnitId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
