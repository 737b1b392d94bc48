-- AlterTable
ALTER TABLE "InboundUpdate" ADD COLUMN "owner" TEXT;

-- AlterTable
ALTER TABLE "ScheduledJob" ADD COLUMN "ref" TEXT;

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "until" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "chatKey" TEXT NOT NULL DEFAULT '',
    "sealedTo" TEXT,
    "personId" INTEGER,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "dedupeKey" TEXT,
    "platformMessageId" TEXT,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);
INSERT INTO "new_OutboxMessage" ("attempts", "channel", "chatId", "createdAt", "dedupeKey", "id", "lastError", "leaseOwner", "leaseUntil", "nextAttemptAt", "payload", "personId", "platformMessageId", "sentAt", "status") SELECT "attempts", "channel", "chatId", "createdAt", "dedupeKey", "id", "lastError", "leaseOwner", "leaseUntil", "nextAttemptAt", "payload", "personId", "platformMessageId", "sentAt", "status" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_channel_status_priority_id_idx" ON "OutboxMessage"("channel", "status", "priority", "id");
CREATE INDEX "OutboxMessage_channel_chatKey_status_id_idx" ON "OutboxMessage"("channel", "chatKey", "status", "id");
CREATE INDEX "OutboxMessage_chatId_channel_idx" ON "OutboxMessage"("chatId", "channel");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Lease_until_idx" ON "Lease"("until");

-- CreateIndex
CREATE INDEX "ScheduledJob_ref_status_idx" ON "ScheduledJob"("ref", "status");

-- CreateIndex
CREATE INDEX "ScheduledJob_status_doneAt_idx" ON "ScheduledJob"("status", "doneAt");
