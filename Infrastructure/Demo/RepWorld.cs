namespace SalesCrm.Infrastructure.Demo;

/// <summary>One rep's simulated working life: what they create each working day, and how their deals move.</summary>
internal sealed class RepWorld(GeneratedRep rep, PipelineShape pipeline, Random random, DateTimeOffset now)
{
    private static readonly string[] Sources = ["web", "referral", "event", "outbound", "partner"];
    private static readonly string[] Industries = ["Software", "Retail", "Manufacturing", "Finance", "Health"];
    private static readonly (string Outcome, double Share)[] CallOutcomes =
        [("connected", 0.3), ("no_answer", 0.4), ("voicemail", 0.2), ("busy", 0.07), ("wrong_number", 0.03)];

    private readonly List<Guid> _leads = [];
    private readonly List<LiveDeal> _deals = [];
    private int _serial;

    public void Leads(DateTimeOffset day, int count, RowBatch batch)
    {
        for (var i = 0; i < count; i++)
        {
            var id = Domain.Common.Ids.New();
            var at = WorkingTime(day);
            var roll = random.NextDouble();
            var convertAt = at.AddDays(1 + random.Next(14));
            var converted = roll < DealFlow.LeadConversionShare && convertAt < now;
            var deal = converted ? Deal(convertAt, id, batch) : null;
            batch.Add(RowBatch.Lead, new
            {
                Id = id,
                Name = $"Lead {++_serial}",
                Company = $"Prospect {_serial} Ltd",
                Email = $"lead{_serial}.{rep.UserId:N}@prospects.example.com",
                Source = Sources[random.Next(Sources.Length)],
                OwnerId = rep.UserId,
                Status = converted ? "converted" : roll < 0.45 ? "disqualified" : roll < 0.7 ? "working" : "new",
                DisqualificationReason = !converted && roll < 0.45 ? "Not a fit" : null,
                CreatedAt = at,
                ConvertedAt = converted ? convertAt : (DateTimeOffset?)null,
                ConvertedAccountId = deal?.AccountId,
                ConvertedContactId = deal?.ContactId,
                ConvertedOpportunityId = deal?.Id,
            });
            Remember(_leads, id);
        }
    }

    public void Opportunities(DateTimeOffset day, int count, RowBatch batch)
    {
        for (var i = 0; i < count; i++)
        {
            Deal(WorkingTime(day), null, batch);
        }
    }

    public void Activities(DateTimeOffset day, GeneratorProfile profile, RowBatch batch)
    {
        Add(day, Count(profile.CallsPerDay), "call", batch);
        Add(day, Count(profile.EmailsPerDay), "email", batch);
        Add(day, Count(profile.MeetingsPerDay), "meeting", batch);
        Add(day, Count(profile.NotesPerDay), "note", batch);
    }

    private void Add(DateTimeOffset day, int count, string type, RowBatch batch)
    {
        for (var i = 0; i < count; i++)
        {
            var at = WorkingTime(day);
            var deal = _deals.Count > 0 && random.NextDouble() < 0.6 ? _deals[random.Next(_deals.Count)] : null;
            Guid? lead = deal is null && _leads.Count > 0 ? _leads[random.Next(_leads.Count)] : null;
            if (deal is null && lead is null || deal is not null && deal.CreatedAt > at)
            {
                continue;
            }

            var outbound = random.NextDouble() < (type == "call" ? 0.85 : 0.8);
            var outcome = type switch
            {
                "call" => Pick(CallOutcomes),
                "meeting" => at > now.AddHours(-1) ? "scheduled" : Pick([("held", 0.7), ("no_show", 0.12), ("cancelled", 0.18)]),
                _ => null,
            };
            var repliedAt = type == "email" && outbound && random.NextDouble() < 0.3 ? at.AddMinutes(30 + random.Next(4320)) : (DateTimeOffset?)null;
            batch.Add(RowBatch.Activity, new
            {
                Id = Domain.Common.Ids.New(),
                Type = type,
                OwnerId = rep.UserId,
                rep.TeamId,
                OccurredAt = at,
                LeadId = lead,
                ContactId = deal?.ContactId,
                AccountId = deal?.AccountId,
                OpportunityId = deal?.Id,
                Direction = type is "call" or "email" ? (outbound ? "outbound" : "inbound") : null,
                Outcome = outcome,
                DurationSeconds = type switch
                {
                    "call" => outcome == "connected" ? 60 + random.Next(1140) : random.Next(60),
                    "meeting" => random.NextDouble() < 0.5 ? 1800 : 3600,
                    _ => (int?)null,
                },
                Subject = type is "email" or "meeting" ? "Next steps" : null,
                Body = type == "note" ? "Discussed requirements and timeline." : null,
                RepliedAt = repliedAt < now ? repliedAt : null,
            });
        }
    }

    /// <summary>A new deal with its account and contact, walked through the pipeline until it closes or reaches now.</summary>
    private LiveDeal Deal(DateTimeOffset createdAt, Guid? leadId, RowBatch batch)
    {
        var deal = new LiveDeal(Domain.Common.Ids.New(), Domain.Common.Ids.New(), Domain.Common.Ids.New(), createdAt);
        var n = ++_serial;
        batch.Add(RowBatch.Account, new
        {
            Id = deal.AccountId,
            Name = $"Customer {n} Inc",
            Domain = $"customer{n}.example.com",
            Industry = Industries[random.Next(Industries.Length)],
            OwnerId = rep.UserId,
            CreatedAt = createdAt,
        });
        batch.Add(RowBatch.Contact, new
        {
            Id = deal.ContactId,
            AccountId = deal.AccountId,
            FirstName = "Sam",
            LastName = $"Buyer {n}",
            Email = $"sam{n}.{rep.UserId:N}@customers.example.com",
            Title = "Head of Sales",
            OwnerId = rep.UserId,
            CreatedAt = createdAt,
        });

        var walk = Walk(deal.Id, createdAt, batch);
        batch.Add(RowBatch.Opportunity, new
        {
            Id = deal.Id,
            Name = $"Deal {n}",
            deal.AccountId,
            PrimaryContactId = deal.ContactId,
            OwnerId = rep.UserId,
            pipeline.PipelineId,
            StageId = walk.Stage,
            Amount = Math.Round((decimal)Math.Exp(DealFlow.AmountLogMean + (DealFlow.AmountLogSigma * Normal())) / 100m) * 100m,
            ExpectedCloseDate = DateOnly.FromDateTime(createdAt.AddDays(60).UtcDateTime),
            LeadId = leadId,
            CreatedAt = createdAt,
            StageEnteredAt = walk.EnteredAt,
            ClosedAt = walk.Outcome is null ? (DateTimeOffset?)null : walk.EnteredAt,
            walk.Outcome,
            LostReasonId = walk.Outcome == "lost" ? walk.LostReason : null,
            Competitor = walk.Outcome == "lost" && random.NextDouble() < 0.3 ? "Rival CRM" : null,
            Version = walk.Moves,
        });
        if (walk.Outcome is null)
        {
            Remember(_deals, deal);
        }

        return deal;
    }

    private (Guid Stage, DateTimeOffset EnteredAt, string? Outcome, Guid? LostReason, int Moves) Walk(Guid dealId, DateTimeOffset at, RowBatch batch)
    {
        var index = 0;
        var stage = pipeline.OpenStages[0];
        var moves = 0;
        Move(dealId, null, stage, at, ++moves, null, batch);
        while (true)
        {
            var leave = at.AddHours(24 * (DealFlow.MinDaysInStage + (-DealFlow.MeanExtraDaysInStage * Math.Log(1 - random.NextDouble()))));
            if (leave >= now)
            {
                FollowUps(dealId, at, leave, DealFlow.FollowUpsOtherwise, batch);
                return (stage, at, null, null, moves);
            }

            var roll = random.NextDouble();
            Guid next;
            double followUps;
            if (index > 0 && roll < DealFlow.BackwardShare)
            {
                next = pipeline.OpenStages[--index];
                followUps = DealFlow.FollowUpsOtherwise;
            }
            else if (roll < DealFlow.Advance(index))
            {
                next = ++index < pipeline.OpenStages.Count ? pipeline.OpenStages[index] : pipeline.Won;
                followUps = DealFlow.FollowUpsBeforeAdvance;
            }
            else
            {
                next = pipeline.Lost;
                followUps = DealFlow.FollowUpsBeforeLoss;
            }

            FollowUps(dealId, at, leave, followUps, batch);

            Guid? reason = next == pipeline.Lost ? pipeline.LostReasons[random.Next(pipeline.LostReasons.Count)] : null;
            Move(dealId, stage, next, leave, ++moves, reason, batch);
            stage = next;
            at = leave;
            if (next == pipeline.Won || next == pipeline.Lost)
            {
                var reopen = at.AddDays(5 + random.Next(15));
                if (next == pipeline.Won || random.NextDouble() >= DealFlow.ReopenShare || reopen >= now)
                {
                    return (stage, at, next == pipeline.Won ? "won" : "lost", reason, moves);
                }

                index = Math.Min(index, pipeline.OpenStages.Count - 1);
                Move(dealId, stage, pipeline.OpenStages[index], reopen, ++moves, null, batch);
                stage = pipeline.OpenStages[index];
                at = reopen;
            }
        }
    }

    /// <summary>The follow-ups of a stay [from, to), <paramref name="mean"/> of them on average, due evenly through it.</summary>
    private void FollowUps(Guid dealId, DateTimeOffset from, DateTimeOffset to, double mean, RowBatch batch)
    {
        var count = Poisson(mean);
        for (var i = 1; i <= count; i++)
        {
            var due = from + ((to - from) * i / (count + 1));
            var completed = due.AddHours(random.NextDouble() < 0.7 ? -random.Next(24) : random.Next(1, 72));
            var done = completed < now && completed < to;
            var cancelled = !done && to < now;
            batch.Add(RowBatch.FollowUp, new
            {
                Id = Domain.Common.Ids.New(),
                OwnerId = rep.UserId,
                Channel = i % 3 == 0 ? "meeting" : i % 2 == 0 ? "email" : "call",
                DueAt = due,
                LeadId = (Guid?)null,
                OpportunityId = dealId,
                Status = done ? "completed" : cancelled ? "cancelled" : "open",
                CompletedAt = done ? (completed < from ? from : completed) : (DateTimeOffset?)null,
                CancelledAt = cancelled ? to : (DateTimeOffset?)null,
                CreatedAt = from,
            });
        }
    }

    private void Move(Guid dealId, Guid? from, Guid to, DateTimeOffset at, int number, Guid? reason, RowBatch batch) =>
        batch.Add(RowBatch.StageMove, new
        {
            Id = Domain.Common.Ids.New(),
            OpportunityId = dealId,
            FromStageId = from,
            ToStageId = to,
            OccurredAt = at,
            MovedBy = rep.UserId,
            MoveNumber = number,
            LostReasonId = reason,
        });

    /// <summary>A Poisson draw (Knuth's product of uniforms), capped at 12.</summary>
    private int Poisson(double mean)
    {
        var floor = Math.Exp(-mean);
        var count = 0;
        for (var product = random.NextDouble(); product > floor && count < 12; product *= random.NextDouble())
        {
            count++;
        }

        return count;
    }

    /// <summary>A moment in the working hours of that day, never later than now.</summary>
    private DateTimeOffset WorkingTime(DateTimeOffset day)
    {
        var at = new DateTimeOffset(day.UtcDateTime.Date, TimeSpan.Zero).AddMinutes((7 * 60) + random.Next(10 * 60));
        return at < now ? at : now.AddMinutes(-1 - random.Next(60));
    }

    private int Count(double rate) => (int)rate + (random.NextDouble() < rate - (int)rate ? 1 : 0);

    private string Pick((string Value, double Share)[] options)
    {
        var roll = random.NextDouble();
        foreach (var (value, share) in options)
        {
            if ((roll -= share) < 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void Remember<T>(List<T> list, T item)
    {
        list.Add(item);
        if (list.Count > 40)
        {
            list.RemoveAt(0);
        }
    }

    private sealed record LiveDeal(Guid Id, Guid AccountId, Guid ContactId, DateTimeOffset CreatedAt);
}
