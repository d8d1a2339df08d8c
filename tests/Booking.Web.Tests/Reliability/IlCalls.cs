using System.Reflection;
using System.Reflection.Emit;

namespace Booking.Web.Tests.Reliability;

/// <summary>Reads a compiled method's IL: the methods it calls and whether it branches. For structural checks only.</summary>
public static class IlCalls
{
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    public static (IReadOnlyList<MethodBase> Calls, IReadOnlyList<OpCode> Branches) Read(MethodBase method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var calls = new List<MethodBase>();
        var branches = new List<OpCode>();
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = Codes[value];
            if (code.FlowControl == FlowControl.Cond_Branch)
                branches.Add(code);
            if (code.OperandType == OperandType.InlineMethod)
            {
                var genericType = method.DeclaringType!.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
                calls.Add(method.Module.ResolveMethod(BitConverter.ToInt32(il, at), genericType, null)!);
            }

            at += OperandSize(code, il, at);
        }

        return (calls, branches);
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
