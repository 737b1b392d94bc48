-- AlterTable
ALTER TABLE "Download" ADD COLUMN "data" BLOB;
ALTER TABLE "Download" ADD COLUMN "mime" TEXT;

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN "activityId" INTEGER;
ALTER TABLE "Campaign" ADD COLUMN "checkinCode" TEXT;

-- AlterTable
ALTER TABLE "Signup" ADD COLUMN "checkedInAt" DATETIME;

-- CreateTable
CREATE TABLE "BranchMeeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "code" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MeetingCheckin" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "meetingId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "VolunteerProgram" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "topic" TEXT,
    "scopeUnitId" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "VolunteerActivity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "programId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "results" TEXT NOT NULL DEFAULT '{}',
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "BranchMeeting_code_key" ON "BranchMeeting"("code");

-- CreateIndex
CREATE INDEX "BranchMeeting_unitId_startsAt_idx" ON "BranchMeeting"("unitId", "startsAt");

-- CreateIndex
CREATE INDEX "BranchMeeting_startsAt_idx" ON "BranchMeeting"("startsAt");

-- CreateIndex
CREATE INDEX "MeetingCheckin_personId_idx" ON "MeetingCheckin"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingCheckin_meetingId_personId_key" ON "MeetingCheckin"("meetingId", "personId");

-- CreateIndex
CREATE INDEX "VolunteerProgram_scopeUnitId_endsAt_idx" ON "VolunteerProgram"("scopeUnitId", "endsAt");

-- CreateIndex
CREATE INDEX "VolunteerActivity_programId_idx" ON "VolunteerActivity"("programId");

-- CreateIndex
CREATE INDEX "VolunteerActivity_unitId_idx" ON "VolunteerActivity"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_checkinCode_key" ON "Campaign"("checkinCode");

-- CreateIndex
CREATE INDEX "Campaign_activityId_idx" ON "Campaign"("activityId");
