-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Announcement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "unitIds" TEXT NOT NULL,
    "roles" TEXT NOT NULL DEFAULT '',
    "topic" TEXT,
    "senderId" INTEGER,
    "sendAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "blockedCount" INTEGER NOT NULL DEFAULT 0,
    "failedCount" INTEGER NOT NULL DEFAULT 0,
    "queuedAt" DATETIME,
    "reportedAt" DATETIME,
    "buttons" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Announcement" ("blockedCount", "createdAt", "failedCount", "id", "key", "kind", "queuedAt", "recipients", "reportedAt", "roles", "sendAt", "senderId", "sentCount", "status", "text", "topic", "unitIds") SELECT "blockedCount", "createdAt", "failedCount", "id", "key", "kind", "queuedAt", "recipients", "reportedAt", "roles", "sendAt", "senderId", "sentCount", "status", "text", "topic", "unitIds" FROM "Announcement";
DROP TABLE "Announcement";
ALTER TABLE "new_Announcement" RENAME TO "Announcement";
CREATE UNIQUE INDEX "Announcement_key_key" ON "Announcement"("key");
CREATE INDEX "Announcement_senderId_id_idx" ON "Announcement"("senderId", "id");
CREATE INDEX "Announcement_status_sendAt_idx" ON "Announcement"("status", "sendAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
