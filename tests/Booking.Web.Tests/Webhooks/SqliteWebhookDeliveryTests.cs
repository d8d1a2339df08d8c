using EventBooking.Migrations;

namespace Booking.Web.Tests.Webhooks;

public sealed class SqliteWebhookDeliveryTests() : WebhookDeliveryContract(StoreProvider.Sqlite);
