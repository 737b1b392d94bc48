-- AlterTable
ALTER TABLE "MeetingReport" ADD COLUMN     "answers" TEXT NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "fields" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "fileRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "recurrence" TEXT,
ADD COLUMN     "seriesId" INTEGER;

-- AlterTable
ALTER TABLE "TaskAssignment" ADD COLUMN     "answers" TEXT,
ADD COLUMN     "file" TEXT;

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL DEFAULT 0,
    "value" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorTarget" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "indicator" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "setById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IndicatorTarget_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE UNIQUE INDEX "Task_seriesId_dueAt_key" ON "Task"("seriesId", "dueAt");
