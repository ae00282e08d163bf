using Astropal.Data;

namespace Astropal.Web.Features.Status;

/// <summary>What a component's health signals say now, and why (the reason is for operators only).</summary>
public sealed record DerivedComponentState(string Component, ComponentState State, string Reason);
