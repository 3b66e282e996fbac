// The content models of the add-in only (XML) manifest's elements that Échéance's manifest uses, for
// the offline check of scripts/validate-manifest.js. No npm package ships the manifest XSDs, and the
// copies found in old packages reject <Runtimes>; this is a hand-written subset of the schemas of
// [MS-OWEMXML] « Office Web Extensibility Manifest Format » (Appendix A: section 5.2, the
// appforoffice/1.1 schema; 5.6, officeappbasictypes/1.0; 5.7, taskpaneappversionoverrides), as read
// in its per-type fragments (TaskPaneApp, Host, Workbook/Document, Runtimes, ShowTaskpane, Supertip,
// ST_Permissions1) and in the manifest element reference on Microsoft Learn for the others. Each
// model is the ordered children an element may have: [name, type, min, max]. Elements outside this
// subset are reported as unknown: a manifest using more of the schema must add its models here.
"use strict";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  taskpane: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

const UNBOUNDED = Infinity;

/** Attribute rules: true = required, false = optional, an array = required with one of these values. */
const MODELS = {
  // 5.2: OfficeApp's sequence, then TaskPaneApp's extension (Requirements, DefaultSettings,
  // Permissions, Dictionary, the version overrides).
  TaskPaneApp: {
    attributes: { "xsi:type": ["TaskPaneApp"] },
    children: [
      ["Id", "Text", 1, 1],
      ["AlternateId", "Text", 0, 1],
      ["Version", "Text", 1, 1],
      ["ProviderName", "Text", 1, 1],
      ["DefaultLocale", "Text", 1, 1],
      ["DisplayName", "LocaleAware", 1, 1],
      ["Description", "LocaleAware", 1, 1],
      ["IconUrl", "LocaleAware", 0, 1],
      ["HighResolutionIconUrl", "LocaleAware", 0, 1],
      ["SupportUrl", "LocaleAware", 0, 1],
      ["AppDomains", "AppDomains", 0, 1],
      ["Hosts", "BaseHosts", 0, 1],
      ["Requirements", "BaseRequirements", 0, 1],
      ["DefaultSettings", "TaskPaneAppSettings", 1, 1],
      ["Permissions", "Permissions", 1, 1],
      ["Dictionary", "Any", 0, 1],
      ["VersionOverrides", "VersionOverridesV1_0", 0, 1],
      ["ExtendedOverrides", "Any", 0, 1],
    ],
  },
  Text: { text: true },
  LocaleAware: { attributes: { DefaultValue: true }, children: [["Override", "Override", 0, UNBOUNDED]] },
  Override: { attributes: { Locale: true, Value: true } },
  AppDomains: { children: [["AppDomain", "Text", 0, UNBOUNDED]] },
  BaseHosts: { children: [["Host", "BaseHost", 1, UNBOUNDED]] },
  BaseHost: {
    attributes: {
      Name: ["Document", "Mailbox", "Notebook", "Presentation", "Project", "Workbook", "Database"],
    },
  },
  BaseRequirements: { children: [["Sets", "Sets", 0, 1]] },
  Sets: { attributes: { DefaultMinVersion: false }, children: [["Set", "Set", 1, UNBOUNDED]] },
  Set: { attributes: { Name: true, MinVersion: false } },
  TaskPaneAppSettings: { children: [["SourceLocation", "LocaleAware", 1, 1]] },
  // ST_Permissions1.
  Permissions: {
    text: ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"],
  },
  Any: { any: true },
  // 5.7: VersionOverridesV1_0 (Description, Requirements, Hosts, Resources, WebApplicationInfo,
  // EquivalentAddins).
  VersionOverridesV1_0: {
    namespace: NS.taskpane,
    attributes: { "xsi:type": ["VersionOverridesV1_0"] },
    children: [
      ["Description", "ResourceRef", 0, 1],
      ["Requirements", "Any", 0, 1],
      ["Hosts", "Hosts", 1, 1],
      ["Resources", "Resources", 0, 1],
      ["WebApplicationInfo", "Any", 0, 1],
      ["EquivalentAddins", "Any", 0, 1],
    ],
  },
  Hosts: { children: [["Host", "Workbook", 1, UNBOUNDED]] },
  // Host (abstract): Runtimes, AllFormFactors; Workbook extends it with DesktopFormFactor.
  Workbook: {
    attributes: { "xsi:type": ["Workbook"] },
    children: [
      ["Runtimes", "Runtimes", 0, 1],
      ["AllFormFactors", "AllFormFactors", 0, 1],
      ["DesktopFormFactor", "DesktopFormFactor", 0, 1],
    ],
  },
  Runtimes: { children: [["Runtime", "Runtime", 1, UNBOUNDED]] },
  Runtime: { attributes: { resid: true, lifetime: ["short", "long"] } },
  AllFormFactors: { children: [["ExtensionPoint", "CustomFunctions", 1, UNBOUNDED]] },
  CustomFunctions: {
    attributes: { "xsi:type": ["CustomFunctions"] },
    children: [
      ["Script", "SourceHolder", 1, 1],
      ["Page", "SourceHolder", 1, 1],
      ["Metadata", "SourceHolder", 1, 1],
      ["Namespace", "ResourceRef", 1, 1],
    ],
  },
  SourceHolder: { children: [["SourceLocation", "ResourceRef", 1, 1]] },
  ResourceRef: { attributes: { resid: true } },
  DesktopFormFactor: {
    children: [
      ["GetStarted", "GetStarted", 0, 1],
      ["FunctionFile", "ResourceRef", 0, 1],
      ["ExtensionPoint", "PrimaryCommandSurface", 1, UNBOUNDED],
    ],
  },
  GetStarted: {
    children: [
      ["Title", "ResourceRef", 1, 1],
      ["Description", "ResourceRef", 1, 1],
      ["LearnMoreUrl", "ResourceRef", 0, 1],
    ],
  },
  PrimaryCommandSurface: {
    attributes: { "xsi:type": ["PrimaryCommandSurface"] },
    children: [["OfficeTab", "OfficeTab", 1, 1]],
  },
  OfficeTab: { attributes: { id: true }, children: [["Group", "Group", 1, UNBOUNDED]] },
  Group: {
    attributes: { id: true },
    children: [
      ["Label", "ResourceRef", 1, 1],
      ["Icon", "Icon", 1, 1],
      ["Control", "Button", 1, UNBOUNDED],
    ],
  },
  Button: {
    attributes: { "xsi:type": ["Button"], id: true },
    children: [
      ["Label", "ResourceRef", 1, 1],
      ["Supertip", "Supertip", 1, 1],
      ["Icon", "Icon", 1, 1],
      ["Action", "ShowTaskpane", 1, 1],
    ],
  },
  Supertip: {
    children: [
      ["Title", "ResourceRef", 1, 1],
      ["Description", "ResourceRef", 1, 1],
    ],
  },
  Icon: { children: [["bt:Image", "IconImage", 1, UNBOUNDED]] },
  IconImage: { attributes: { size: ["16", "20", "24", "32", "40", "48", "64", "80"], resid: true } },
  ShowTaskpane: {
    attributes: { "xsi:type": ["ShowTaskpane"] },
    children: [
      ["TaskpaneId", "Text", 0, 1],
      ["SourceLocation", "ResourceRef", 1, 1],
      ["Title", "ResourceRef", 0, 1],
    ],
  },
  // 5.6: the resources' groups and items.
  Resources: {
    children: [
      ["bt:Images", "Images", 0, 1],
      ["bt:Urls", "Urls", 0, 1],
      ["bt:ShortStrings", "Strings", 0, 1],
      ["bt:LongStrings", "Strings", 0, 1],
    ],
  },
  Images: { children: [["bt:Image", "Resource", 1, UNBOUNDED]] },
  Urls: { children: [["bt:Url", "Resource", 1, UNBOUNDED]] },
  Strings: { children: [["bt:String", "Resource", 1, UNBOUNDED]] },
  Resource: {
    attributes: { id: true, DefaultValue: true },
    children: [["bt:Override", "Override", 0, UNBOUNDED]],
  },
};

module.exports = { MODELS, NS, UNBOUNDED };
