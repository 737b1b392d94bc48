-- AlterTable
ALTER TABLE "DialogueSession" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "liveAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Commitment" ADD COLUMN     "ownerPersonId" INTEGER,
ADD COLUMN     "ownerUnitId" INTEGER,
ADD COLUMN     "progress" TEXT,
ADD COLUMN     "progressAt" TIMESTAMP(3),
ADD COLUMN     "questionIds" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Commitment_ownerUnitId_idx" ON "Commitment"("ownerUnitId");
