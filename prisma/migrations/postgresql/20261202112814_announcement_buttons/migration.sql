-- AlterTable
ALTER TABLE "Announcement" ADD COLUMN     "buttons" TEXT NOT NULL DEFAULT '';
