-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" DATETIME,
    "decidedById" INTEGER
);

-- CreateTable
CREATE TABLE "WebSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "personId" INTEGER,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Unit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "parentId" INTEGER,
    "path" TEXT NOT NULL,
    "depth" INTEGER NOT NULL,
    "isBranch" BOOLEAN NOT NULL DEFAULT false,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Unit" ("code", "createdAt", "depth", "id", "isBranch", "level", "name", "parentId", "path") SELECT "code", "createdAt", "depth", "id", "isBranch", "level", "name", "parentId", "path" FROM "Unit";
DROP TABLE "Unit";
ALTER TABLE "new_Unit" RENAME TO "Unit";
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");
CREATE INDEX "Unit_path_idx" ON "Unit"("path");
CREATE TABLE "new_Person" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "displayName" TEXT NOT NULL,
    "title" TEXT,
    "preferredChannel" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Person" ("createdAt", "displayName", "id", "preferredChannel", "title") SELECT "createdAt", "displayName", "id", "preferredChannel", "title" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE TABLE "new_Invite" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "topics" TEXT NOT NULL DEFAULT '',
    "title" TEXT,
    "maxUses" INTEGER,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME,
    "demo" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_Invite" ("code", "createdAt", "createdById", "expiresAt", "id", "maxUses", "role", "title", "topics", "unitId", "uses") SELECT "code", "createdAt", "createdById", "expiresAt", "id", "maxUses", "role", "title", "topics", "unitId", "uses" FROM "Invite";
DROP TABLE "Invite";
ALTER TABLE "new_Invite" RENAME TO "Invite";
CREATE UNIQUE INDEX "Invite_code_key" ON "Invite"("code");
CREATE INDEX "Invite_createdById_idx" ON "Invite"("createdById");
CREATE TABLE "new_LinkCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "personId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'link'
);
INSERT INTO "new_LinkCode" ("code", "expiresAt", "personId") SELECT "code", "expiresAt", "personId" FROM "LinkCode";
DROP TABLE "LinkCode";
ALTER TABLE "new_LinkCode" RENAME TO "LinkCode";
CREATE TABLE "new_Question" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "askerId" INTEGER,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "askerKey" TEXT NOT NULL,
    "anonDelivery" TEXT,
    "askerUnitId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "normText" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "topicConfidence" REAL NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'open',
    "unitId" INTEGER NOT NULL,
    "assigneeId" INTEGER,
    "sessionId" INTEGER,
    "moderation" TEXT NOT NULL DEFAULT 'approved',
    "votes" INTEGER NOT NULL DEFAULT 0,
    "dueAt" DATETIME NOT NULL,
    "remindedAt" DATETIME,
    "escalationLevel" INTEGER NOT NULL DEFAULT 0,
    "answeredAt" DATETIME,
    "rating" TEXT,
    "sourceKey" TEXT,
    "publicRef" TEXT,
    "held" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Question" ("anonDelivery", "anonymous", "answeredAt", "askerId", "askerKey", "askerUnitId", "assigneeId", "createdAt", "dueAt", "escalationLevel", "id", "moderation", "normText", "rating", "remindedAt", "sessionId", "sourceKey", "status", "text", "topic", "topicConfidence", "unitId", "votes") SELECT "anonDelivery", "anonymous", "answeredAt", "askerId", "askerKey", "askerUnitId", "assigneeId", "createdAt", "dueAt", "escalationLevel", "id", "moderation", "normText", "rating", "remindedAt", "sessionId", "sourceKey", "status", "text", "topic", "topicConfidence", "unitId", "votes" FROM "Question";
DROP TABLE "Question";
ALTER TABLE "new_Question" RENAME TO "Question";
CREATE UNIQUE INDEX "Question_sourceKey_key" ON "Question"("sourceKey");
CREATE UNIQUE INDEX "Question_publicRef_key" ON "Question"("publicRef");
CREATE INDEX "Question_status_dueAt_idx" ON "Question"("status", "dueAt");
CREATE INDEX "Question_held_createdAt_idx" ON "Question"("held", "createdAt");
CREATE INDEX "Question_assigneeId_status_idx" ON "Question"("assigneeId", "status");
CREATE INDEX "Question_unitId_status_idx" ON "Question"("unitId", "status");
CREATE INDEX "Question_askerKey_idx" ON "Question"("askerKey");
CREATE INDEX "Question_sessionId_moderation_idx" ON "Question"("sessionId", "moderation");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "JoinRequest_personId_status_idx" ON "JoinRequest"("personId", "status");

-- CreateIndex
CREATE INDEX "JoinRequest_unitId_status_idx" ON "JoinRequest"("unitId", "status");

-- CreateIndex
CREATE INDEX "WebSession_expiresAt_idx" ON "WebSession"("expiresAt");

-- CreateIndex
CREATE INDEX "WebSession_personId_idx" ON "WebSession"("personId");
