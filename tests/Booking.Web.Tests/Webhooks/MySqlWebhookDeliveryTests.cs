using EventBooking.Migrations;

namespace Booking.Web.Tests.Webhooks;

public sealed class MySqlWebhookDeliveryTests() : WebhookDeliveryContract(StoreProvider.MySql);
