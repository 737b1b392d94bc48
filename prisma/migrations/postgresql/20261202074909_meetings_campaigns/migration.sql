-- AlterTable
ALTER TABLE "Download" ADD COLUMN     "data" BYTEA,
ADD COLUMN     "mime" TEXT;

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "activityId" INTEGER,
ADD COLUMN     "checkinCode" TEXT;

-- AlterTable
ALTER TABLE "Signup" ADD COLUMN     "checkedInAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "BranchMeeting" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "code" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BranchMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingCheckin" (
    "id" SERIAL NOT NULL,
    "meetingId" INTEGER NOT NULL,
    "personId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingCheckin_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerProgram" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "topic" TEXT,
    "scopeUnitId" INTEGER NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerProgram_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerActivity" (
    "id" SERIAL NOT NULL,
    "programId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "results" TEXT NOT NULL DEFAULT '{}',
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerActivity_pkey" PRIMARY KEY ("id")
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
