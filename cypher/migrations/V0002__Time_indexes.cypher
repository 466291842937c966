// Range indexes on the time properties that windowed and timeline queries filter on.
CREATE RANGE INDEX message_sent_at IF NOT EXISTS FOR (n:Message) ON (n.sentAt);
CREATE RANGE INDEX membership_from IF NOT EXISTS FOR (n:Membership) ON (n.from);
CREATE RANGE INDEX membership_to IF NOT EXISTS FOR (n:Membership) ON (n.to);
CREATE RANGE INDEX posting_from IF NOT EXISTS FOR (n:Posting) ON (n.from);
CREATE RANGE INDEX posting_to IF NOT EXISTS FOR (n:Posting) ON (n.to);
CREATE RANGE INDEX rank_held_from IF NOT EXISTS FOR (n:RankHeld) ON (n.from);
CREATE RANGE INDEX status_period_from IF NOT EXISTS FOR (n:StatusPeriod) ON (n.from);
CREATE RANGE INDEX allegation_reported IF NOT EXISTS FOR (n:Allegation) ON (n.reported);
CREATE RANGE INDEX investigation_opened IF NOT EXISTS FOR (n:Investigation) ON (n.opened);
CREATE RANGE INDEX investigation_closed IF NOT EXISTS FOR (n:Investigation) ON (n.closed);
CREATE RANGE INDEX outcome_date IF NOT EXISTS FOR (n:Outcome) ON (n.date);
CREATE RANGE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.published);
CREATE RANGE INDEX claim_as_of IF NOT EXISTS FOR (n:Claim) ON (n.asOf);
CREATE RANGE INDEX response_date IF NOT EXISTS FOR (n:Response) ON (n.date);
