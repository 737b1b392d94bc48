-- AlterTable
ALTER TABLE "TaskAssignment" ADD COLUMN "answers" TEXT;
ALTER TABLE "TaskAssignment" ADD COLUMN "file" TEXT;

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL DEFAULT 0,
    "value" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "IndicatorTarget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "setById" INTEGER,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MeetingReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "personId" INTEGER NOT NULL,
    "attendees" INTEGER NOT NULL,
    "note" TEXT,
    "photo" TEXT,
    "answers" TEXT NOT NULL DEFAULT '{}',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_MeetingReport" ("attendees", "createdAt", "id", "month", "note", "personId", "photo", "unitId") SELECT "attendees", "createdAt", "id", "month", "note", "personId", "photo", "unitId" FROM "MeetingReport";
DROP TABLE "MeetingReport";
ALTER TABLE "new_MeetingReport" RENAME TO "MeetingReport";
CREATE UNIQUE INDEX "MeetingReport_unitId_month_key" ON "MeetingReport"("unitId", "month");
CREATE TABLE "new_Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "details" TEXT NOT NULL DEFAULT '',
    "dueAt" DATETIME NOT NULL,
    "remindDays" TEXT NOT NULL DEFAULT '[7,3,1,0]',
    "createdById" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fields" TEXT NOT NULL DEFAULT '[]',
    "fileRequired" BOOLEAN NOT NULL DEFAULT false,
    "recurrence" TEXT,
    "seriesId" INTEGER
);
INSERT INTO "new_Task" ("createdAt", "createdById", "details", "dueAt", "id", "remindDays", "title", "unitId") SELECT "createdAt", "createdById", "details", "dueAt", "id", "remindDays", "title", "unitId" FROM "Task";
DROP TABLE "Task";
ALTER TABLE "new_Task" RENAME TO "Task";
CREATE UNIQUE INDEX "Task_seriesId_dueAt_key" ON "Task"("seriesId", "dueAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "IndicatorValue_year_indicator_unitId_idx" ON "IndicatorValue"("year", "indicator", "unitId");

-- CreateIndex
CREATE INDEX "IndicatorValue_unitId_year_idx" ON "IndicatorValue"("unitId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorValue_source_indicator_key" ON "IndicatorValue"("source", "indicator");

-- CreateIndex
CREATE INDEX "IndicatorTarget_year_indicator_idx" ON "IndicatorTarget"("year", "indicator");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorTarget_unitId_year_indicator_key" ON "IndicatorTarget"("unitId", "year", "indicator");
