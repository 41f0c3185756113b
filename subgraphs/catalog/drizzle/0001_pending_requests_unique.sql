-- Requests filed twice before this index existed: the first of each identical set stays pending, the others are withdrawn.
UPDATE "catalog"."access_requests" AS r
SET "status" = 'WITHDRAWN', "decided_at" = now(), "decided_by" = 'system:migration',
    "decision_reason" = '与第 ' || d."first" || ' 号申请相同，已合并 / identical to request ' || d."first" || ', merged into it'
FROM (
  SELECT "id", min("id") OVER (PARTITION BY "requester_office", "entry_code", "coordinates", "purpose", coalesce("case_number", ''), "period_from", "period_to") AS "first"
  FROM "catalog"."access_requests" WHERE "status" = 'PENDING'
) AS d
WHERE r."id" = d."id" AND d."id" <> d."first";--> statement-breakpoint
CREATE UNIQUE INDEX "access_requests_pending_identical_idx" ON "catalog"."access_requests" USING btree ("requester_office","entry_code","coordinates","purpose",coalesce("case_number", ''),"period_from","period_to") WHERE "catalog"."access_requests"."status" = 'PENDING';