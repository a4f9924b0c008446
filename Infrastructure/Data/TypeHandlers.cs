using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace SalesCrm.Infrastructure.Data;

/// <summary>
/// SQLite has no native uuid, timestamp, decimal or date, so each gets one storage form there:
/// uuid as lowercase TEXT, timestamp as INTEGER Unix milliseconds (UTC), money as INTEGER ten-thousandths
/// (exact, and summable in SQL), date as TEXT <c>YYYY-MM-DD</c>. SQL Server keeps its native types
/// (uniqueidentifier, datetimeoffset, decimal(19,4), date). Dapper's handlers are process-wide, so each
/// handler looks at the parameter's driver to pick the form.
/// </summary>
public static class TypeHandlers
{
    public const decimal MoneyScale = 10_000m;

    // Lazy, so a second caller racing the first waits until every handler is in place.
    private static readonly Lazy<bool> Registration = new(() =>
    {
        Add(new GuidHandler());
        Add(new DateTimeOffsetHandler());
        Add(new DecimalHandler());
        Add(new DateOnlyHandler());
        return true;
    });

    public static void Register() => _ = Registration.Value;

    private static void Add<T>(SqlMapper.TypeHandler<T> handler)
    {
        // Dapper consults its built-in type map before custom handlers; removing the entry lets the handler run.
        SqlMapper.RemoveTypeMap(typeof(T));
        SqlMapper.RemoveTypeMap(typeof(Nullable<>).MakeGenericType(typeof(T)));
        SqlMapper.AddTypeHandler(handler);
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("D");
            }
            else
            {
                parameter.DbType = DbType.Guid;
                parameter.Value = value;
            }
        }

        public override Guid Parse(object value) => value switch
        {
            Guid guid => guid,
            string text => Guid.Parse(text),
            byte[] bytes => new Guid(bytes),
            _ => throw new DataException($"Cannot read a uuid from {value.GetType().Name}."),
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.Int64;
                parameter.Value = value.ToUnixTimeMilliseconds();
            }
            else
            {
                // Truncated like SQLite's form, so both engines store the same millisecond.
                parameter.DbType = DbType.DateTimeOffset;
                parameter.Value = DateTimeOffset.FromUnixTimeMilliseconds(value.ToUnixTimeMilliseconds());
            }
        }

        public override DateTimeOffset Parse(object value) => value switch
        {
            long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
            DateTimeOffset dto => dto.ToUniversalTime(),
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            _ => throw new DataException($"Cannot read a timestamp from {value.GetType().Name}."),
        };
    }

    private sealed class DecimalHandler : SqlMapper.TypeHandler<decimal>
    {
        public override void SetValue(IDbDataParameter parameter, decimal value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.Int64;
                parameter.Value = (long)decimal.Round(value * MoneyScale, 0, MidpointRounding.ToEven);
            }
            else
            {
                parameter.DbType = DbType.Decimal;
                parameter.Precision = 19;
                parameter.Scale = 4;
                parameter.Value = value;
            }
        }

        public override decimal Parse(object value) => value switch
        {
            long scaled => scaled / MoneyScale,
            decimal exact => exact,
            double approximate => (decimal)approximate / MoneyScale,
            _ => throw new DataException($"Cannot read money from {value.GetType().Name}."),
        };
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            if (parameter is SqliteParameter)
            {
                parameter.DbType = DbType.String;
                parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                parameter.DbType = DbType.Date;
                parameter.Value = value.ToDateTime(TimeOnly.MinValue);
            }
        }

        public override DateOnly Parse(object value) => value switch
        {
            string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime dt => DateOnly.FromDateTime(dt),
            DateOnly date => date,
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }
}
