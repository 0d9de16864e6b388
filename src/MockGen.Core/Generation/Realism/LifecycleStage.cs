namespace MockGen.Core.Generation.Realism;

/// <summary>Ordered moments in a record's life; timestamps named after them never run backwards.</summary>
internal enum LifecycleStage
{
    /// <summary>createdAt, registeredAt, placedAt, submittedAt ...</summary>
    Created = 0,

    /// <summary>paidAt, approvedAt, confirmedAt, processedAt, shippedAt ...</summary>
    Processed = 1,

    /// <summary>completedAt, closedAt, deliveredAt, cancelledAt, deletedAt, resolvedAt ...</summary>
    Finished = 2,

    /// <summary>updatedAt, modifiedAt, lastModified, lastSeenAt ...</summary>
    Updated = 3,
}
