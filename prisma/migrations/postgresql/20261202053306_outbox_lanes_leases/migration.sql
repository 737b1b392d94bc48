-- DropIndex
DROP INDEX "OutboxMessage_channel_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "InboundUpdate" ADD COLUMN     "owner" TEXT;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "chatKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sealedTo" TEXT;

-- AlterTable
ALTER TABLE "ScheduledJob" ADD COLUMN     "ref" TEXT;

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Lease_until_idx" ON "Lease"("until");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_status_priority_id_idx" ON "OutboxMessage"("channel", "status", "priority", "id");

-- CreateIndex
CREATE INDEX "OutboxMessage_channel_chatKey_status_id_idx" ON "OutboxMessage"("channel", "chatKey", "status", "id");

-- CreateIndex
CREATE INDEX "ScheduledJob_ref_status_idx" ON "ScheduledJob"("ref", "status");

-- CreateIndex
CREATE INDEX "ScheduledJob_status_doneAt_idx" ON "ScheduledJob"("status", "doneAt");
