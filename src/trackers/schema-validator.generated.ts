// @ts-nocheck
// Generated from rules/schema/trackers.schema.json by npm run build:validator: do not edit.
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:pixelaudit:rules:trackers.schema.json","title":"pixelaudit tracker data","description":"The format of rules/trackers/*.json and of the files given with --rules. A file lists vendors; each vendor lists URL patterns; each pattern says what a matching URL is (kind), where it applies (domains, or anyHost), what the host, path and query must look like (regular expressions), where the knowledge comes from (provenance) and proves itself with examples. Every object is closed: an unknown or misspelt key is an error, never ignored. pixelaudit checks this schema, then compiles every regular expression, then runs no example at load time (the project's tests run them).","type":"object","additionalProperties":false,"required":["vendors"],"properties":{"$schema":{"type":"string","description":"Optional path or URL of this schema, for editors."},"$comment":{"type":"string","description":"Free text for the file's readers."},"vendors":{"type":"array","minItems":1,"description":"The vendors this file describes. Vendor and pattern ids are unique across the built-in data and every --rules file.","items":{"$ref":"#/$defs/vendor"}}},"$defs":{"id":{"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","x-error":"must be lower-case letters, digits and dashes, starting with a letter or digit","description":"A stable id: lower-case letters, digits and dashes (`sendgrid`, `sendgrid-open`). Reports, --disable and baselines refer to it."},"regex":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"A JavaScript regular expression, as source text (JSON-escaped: `\\\\.` for a literal dot). It is searched, not anchored: write `^` and `$` where the shape starts and ends. It must compile, and it runs on attacker-written URLs: it must not backtrack super-linearly (no nested or adjacent quantifiers over the same characters, no overlapping alternatives under a quantifier; a user file's expressions are checked with recheck on load). No named groups (`(?<name>...)`; use `(?:...)`) and no back-references (`\\1`, `\\k<name>`): the matcher joins expressions into one, where those would clash or point at another pattern's group."},"url":{"type":"string","pattern":"^https?://[^\\s/?#]+","x-error":"must be an absolute http(s) URL","description":"An absolute http or https URL."},"vendor":{"type":"object","additionalProperties":false,"required":["id","name","category","patterns"],"description":"A company or product whose URLs the patterns recognise.","properties":{"id":{"$ref":"#/$defs/id"},"name":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"The name shown in reports (`SendGrid`)."},"organisation":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"The company behind it, when it differs from the name (`Twilio`)."},"category":{"enum":["esp","marketing-automation","sales-tracker","analytics","ad-tech","email-qa","personalisation","transactional"],"description":"What kind of business the vendor is: `esp` (bulk mail service), `marketing-automation`, `sales-tracker` (per-message read receipts for sales mail), `analytics`, `ad-tech` (ads and data brokers), `email-qa` (rendering and deliverability tests), `personalisation` (live images, timers), `transactional` (a company's own notification mail)."},"patterns":{"type":"array","minItems":1,"description":"The URL shapes of this vendor. When several patterns of any vendor match one URL, the most telling kind wins (open, then beacon, click, asset), and among equals the first loaded.","items":{"$ref":"#/$defs/pattern"}}}},"pattern":{"type":"object","additionalProperties":false,"required":["id","kind","provenance","examples"],"description":"One URL shape. A URL matches when its host is one of `domains` or below one (or any host with `anyHost`), and `host`, `path` and `query`, each when given, find a match. Give exactly one of `domains` and `anyHost`.","properties":{"id":{"$ref":"#/$defs/id"},"kind":{"enum":["open","beacon","click","asset"],"description":"What a matching URL is: `open` an open-tracking endpoint (loading it tells the sender the message was opened); `beacon` an image of any size served with a per-recipient or per-message id (a live image, an ad impression, an analytics hit); `click` a click-tracking redirect (links; never makes a message tracked by itself); `asset` a static image host of the vendor, the same image for everyone, never tracking by itself."},"domains":{"type":"array","minItems":1,"uniqueItems":true,"description":"Host names the pattern applies to, each with every host below it (`list-manage.com` covers `us14.list-manage.com`). Lower case, no scheme, port or path. A pattern with domains must list, among its noMatch examples, a URL on one of these domains that it does not match (the on-domain test), unless it claims whole registrable domains with no host, path or query expression.","items":{"type":"string","pattern":"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]*[a-z][a-z0-9-]*$","x-error":"must be a lower-case host name such as example.com (no scheme, port, path or wildcard)"}},"anyHost":{"const":true,"description":"The pattern applies on every host: for tracking hosts served under a sender's own domain (a CNAME to the vendor). The path (and query) must then be distinctive enough to name the vendor on any site."},"host":{"$ref":"#/$defs/regex","description":"Regular expression the lower-case host must match (`^sli\\\\.`). Hosts are case-insensitive: it is compiled case-insensitive."},"path":{"$ref":"#/$defs/regex","description":"Regular expression the path must match: the path as written, from its `/`, without query or fragment, not percent-decoded. Case-sensitive unless `ignoreCase` is true."},"query":{"$ref":"#/$defs/regex","description":"Regular expression the query must match: the text after `?` without the `?`, as written. Case-sensitive unless `ignoreCase` is true."},"ignoreCase":{"type":"boolean","description":"Match `path` and `query` case-insensitively. Only for vendors whose servers treat the path case-insensitively (documented or seen in mail); the default, false, keeps `/c/1/summer-collection` from matching `^/C/`."},"note":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"Why this shape means what `kind` says, when the provenance does not make it plain."},"provenance":{"type":"array","minItems":1,"description":"Where the knowledge of this shape comes from, each source with the date it was read.","items":{"$ref":"#/$defs/provenance"}},"examples":{"$ref":"#/$defs/examples"}},"if":{"required":["anyHost"],"properties":{"anyHost":{"const":true}}},"then":{"not":{"required":["domains"]},"anyOf":[{"required":["path"]},{"required":["host"]}],"x-error":"an anyHost pattern takes no domains and needs a path or host expression"},"else":{"required":["domains"],"x-error":"give either domains or anyHost: true"}},"provenance":{"type":"object","additionalProperties":false,"required":["type","ref","read"],"description":"One source.","properties":{"type":{"enum":["vendor-docs","sdk-source","public-list","observed-mail","public-research"],"description":"`vendor-docs` the vendor's own documentation; `sdk-source` source code of the vendor's SDK or server; `public-list` a public block list (MailTrackerBlocker, EasyPrivacy, AdGuard ...); `observed-mail` the shape seen in real mail; `public-research` a paper, article or third-party write-up."},"ref":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"What was read: a URL, or `owner/repo:path` for a file in a public repository, or for observed-mail the corpus and the shape seen. Data written before 2026-12 names the source in words (a documentation page title) instead."},"read":{"type":"string","pattern":"^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$","x-error":"must be a date YYYY-MM-DD","description":"The date the source was read (YYYY-MM-DD). For data from before pattern-level provenance, the date of the commit that added it."},"note":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"What the source says, in a few words."}}},"examples":{"type":"object","additionalProperties":false,"required":["match","noMatch"],"description":"URLs that prove the pattern, run by the project's tests through the full matcher (every vendor, every pattern, the real precedence). Write real shapes with the identifying parts replaced (no real recipient tokens or addresses).","properties":{"match":{"type":"array","minItems":1,"description":"URLs the full matcher must resolve to this pattern.","items":{"$ref":"#/$defs/url"}},"noMatch":{"type":"array","minItems":1,"description":"URLs this pattern must not match (content images, other endpoints of the same vendor). A domain pattern needs at least one on its own domains.","items":{"$ref":"#/$defs/url"}},"shadowed":{"type":"array","description":"URLs this pattern matches but another pattern wins in the full matcher (a more telling kind), with the winner named.","items":{"type":"object","additionalProperties":false,"required":["url","winner"],"properties":{"url":{"$ref":"#/$defs/url"},"winner":{"$ref":"#/$defs/id","description":"The id of the pattern that wins."},"why":{"type":"string","description":"Why the winner is right."}}}}}}}};
const schema32 = {"type":"object","additionalProperties":false,"required":["id","name","category","patterns"],"description":"A company or product whose URLs the patterns recognise.","properties":{"id":{"$ref":"#/$defs/id"},"name":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"The name shown in reports (`SendGrid`)."},"organisation":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"The company behind it, when it differs from the name (`Twilio`)."},"category":{"enum":["esp","marketing-automation","sales-tracker","analytics","ad-tech","email-qa","personalisation","transactional"],"description":"What kind of business the vendor is: `esp` (bulk mail service), `marketing-automation`, `sales-tracker` (per-message read receipts for sales mail), `analytics`, `ad-tech` (ads and data brokers), `email-qa` (rendering and deliverability tests), `personalisation` (live images, timers), `transactional` (a company's own notification mail)."},"patterns":{"type":"array","minItems":1,"description":"The URL shapes of this vendor. When several patterns of any vendor match one URL, the most telling kind wins (open, then beacon, click, asset), and among equals the first loaded.","items":{"$ref":"#/$defs/pattern"}}}};
const schema33 = {"type":"string","pattern":"^[a-z0-9][a-z0-9-]*$","x-error":"must be lower-case letters, digits and dashes, starting with a letter or digit","description":"A stable id: lower-case letters, digits and dashes (`sendgrid`, `sendgrid-open`). Reports, --disable and baselines refer to it."};
const pattern4 = new RegExp("^[a-z0-9][a-z0-9-]*$", "u");
const pattern5 = new RegExp("\\S", "u");
const schema34 = {"type":"object","additionalProperties":false,"required":["id","kind","provenance","examples"],"description":"One URL shape. A URL matches when its host is one of `domains` or below one (or any host with `anyHost`), and `host`, `path` and `query`, each when given, find a match. Give exactly one of `domains` and `anyHost`.","properties":{"id":{"$ref":"#/$defs/id"},"kind":{"enum":["open","beacon","click","asset"],"description":"What a matching URL is: `open` an open-tracking endpoint (loading it tells the sender the message was opened); `beacon` an image of any size served with a per-recipient or per-message id (a live image, an ad impression, an analytics hit); `click` a click-tracking redirect (links; never makes a message tracked by itself); `asset` a static image host of the vendor, the same image for everyone, never tracking by itself."},"domains":{"type":"array","minItems":1,"uniqueItems":true,"description":"Host names the pattern applies to, each with every host below it (`list-manage.com` covers `us14.list-manage.com`). Lower case, no scheme, port or path. A pattern with domains must list, among its noMatch examples, a URL on one of these domains that it does not match (the on-domain test), unless it claims whole registrable domains with no host, path or query expression.","items":{"type":"string","pattern":"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]*[a-z][a-z0-9-]*$","x-error":"must be a lower-case host name such as example.com (no scheme, port, path or wildcard)"}},"anyHost":{"const":true,"description":"The pattern applies on every host: for tracking hosts served under a sender's own domain (a CNAME to the vendor). The path (and query) must then be distinctive enough to name the vendor on any site."},"host":{"$ref":"#/$defs/regex","description":"Regular expression the lower-case host must match (`^sli\\\\.`). Hosts are case-insensitive: it is compiled case-insensitive."},"path":{"$ref":"#/$defs/regex","description":"Regular expression the path must match: the path as written, from its `/`, without query or fragment, not percent-decoded. Case-sensitive unless `ignoreCase` is true."},"query":{"$ref":"#/$defs/regex","description":"Regular expression the query must match: the text after `?` without the `?`, as written. Case-sensitive unless `ignoreCase` is true."},"ignoreCase":{"type":"boolean","description":"Match `path` and `query` case-insensitively. Only for vendors whose servers treat the path case-insensitively (documented or seen in mail); the default, false, keeps `/c/1/summer-collection` from matching `^/C/`."},"note":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"Why this shape means what `kind` says, when the provenance does not make it plain."},"provenance":{"type":"array","minItems":1,"description":"Where the knowledge of this shape comes from, each source with the date it was read.","items":{"$ref":"#/$defs/provenance"}},"examples":{"$ref":"#/$defs/examples"}},"if":{"required":["anyHost"],"properties":{"anyHost":{"const":true}}},"then":{"not":{"required":["domains"]},"anyOf":[{"required":["path"]},{"required":["host"]}],"x-error":"an anyHost pattern takes no domains and needs a path or host expression"},"else":{"required":["domains"],"x-error":"give either domains or anyHost: true"}};
const schema36 = {"type":"string","pattern":"\\S","x-error":"must not be empty","description":"A JavaScript regular expression, as source text (JSON-escaped: `\\\\.` for a literal dot). It is searched, not anchored: write `^` and `$` where the shape starts and ends. It must compile, and it runs on attacker-written URLs: it must not backtrack super-linearly (no nested or adjacent quantifiers over the same characters, no overlapping alternatives under a quantifier; a user file's expressions are checked with recheck on load). No named groups (`(?<name>...)`; use `(?:...)`) and no back-references (`\\1`, `\\k<name>`): the matcher joins expressions into one, where those would clash or point at another pattern's group."};
const schema39 = {"type":"object","additionalProperties":false,"required":["type","ref","read"],"description":"One source.","properties":{"type":{"enum":["vendor-docs","sdk-source","public-list","observed-mail","public-research"],"description":"`vendor-docs` the vendor's own documentation; `sdk-source` source code of the vendor's SDK or server; `public-list` a public block list (MailTrackerBlocker, EasyPrivacy, AdGuard ...); `observed-mail` the shape seen in real mail; `public-research` a paper, article or third-party write-up."},"ref":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"What was read: a URL, or `owner/repo:path` for a file in a public repository, or for observed-mail the corpus and the shape seen. Data written before 2026-12 names the source in words (a documentation page title) instead."},"read":{"type":"string","pattern":"^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$","x-error":"must be a date YYYY-MM-DD","description":"The date the source was read (YYYY-MM-DD). For data from before pattern-level provenance, the date of the commit that added it."},"note":{"type":"string","pattern":"\\S","x-error":"must not be empty","description":"What the source says, in a few words."}}};
const func1 = Object.prototype.hasOwnProperty;
const pattern8 = new RegExp("^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]*[a-z][a-z0-9-]*$", "u");
const pattern14 = new RegExp("^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$", "u");
const schema40 = {"type":"object","additionalProperties":false,"required":["match","noMatch"],"description":"URLs that prove the pattern, run by the project's tests through the full matcher (every vendor, every pattern, the real precedence). Write real shapes with the identifying parts replaced (no real recipient tokens or addresses).","properties":{"match":{"type":"array","minItems":1,"description":"URLs the full matcher must resolve to this pattern.","items":{"$ref":"#/$defs/url"}},"noMatch":{"type":"array","minItems":1,"description":"URLs this pattern must not match (content images, other endpoints of the same vendor). A domain pattern needs at least one on its own domains.","items":{"$ref":"#/$defs/url"}},"shadowed":{"type":"array","description":"URLs this pattern matches but another pattern wins in the full matcher (a more telling kind), with the winner named.","items":{"type":"object","additionalProperties":false,"required":["url","winner"],"properties":{"url":{"$ref":"#/$defs/url"},"winner":{"$ref":"#/$defs/id","description":"The id of the pattern that wins."},"why":{"type":"string","description":"Why the winner is right."}}}}}};
const schema41 = {"type":"string","pattern":"^https?://[^\\s/?#]+","x-error":"must be an absolute http(s) URL","description":"An absolute http or https URL."};
const pattern16 = new RegExp("^https?://[^\\s/?#]+", "u");

function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.match === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "match"},message:"must have required property '"+"match"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.noMatch === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "noMatch"},message:"must have required property '"+"noMatch"+"'",schema:schema40.required,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "match") || (key0 === "noMatch")) || (key0 === "shadowed"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.match !== undefined){
let data0 = data.match;
if(Array.isArray(data0)){
if(data0.length < 1){
const err3 = {instancePath:instancePath+"/match",schemaPath:"#/properties/match/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema40.properties.match,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(typeof data1 === "string"){
if(!pattern16.test(data1)){
const err4 = {instancePath:instancePath+"/match/" + i0,schemaPath:"#/$defs/url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s/?#]+"},message:"must match pattern \""+"^https?://[^\\s/?#]+"+"\"",schema:"^https?://[^\\s/?#]+",parentSchema:schema41,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/match/" + i0,schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.type,parentSchema:schema41,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/match",schemaPath:"#/properties/match/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.match.type,parentSchema:schema40.properties.match,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.noMatch !== undefined){
let data2 = data.noMatch;
if(Array.isArray(data2)){
if(data2.length < 1){
const err7 = {instancePath:instancePath+"/noMatch",schemaPath:"#/properties/noMatch/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema40.properties.noMatch,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const len1 = data2.length;
for(let i1=0; i1<len1; i1++){
let data3 = data2[i1];
if(typeof data3 === "string"){
if(!pattern16.test(data3)){
const err8 = {instancePath:instancePath+"/noMatch/" + i1,schemaPath:"#/$defs/url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s/?#]+"},message:"must match pattern \""+"^https?://[^\\s/?#]+"+"\"",schema:"^https?://[^\\s/?#]+",parentSchema:schema41,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/noMatch/" + i1,schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.type,parentSchema:schema41,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/noMatch",schemaPath:"#/properties/noMatch/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.noMatch.type,parentSchema:schema40.properties.noMatch,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.shadowed !== undefined){
let data4 = data.shadowed;
if(Array.isArray(data4)){
const len2 = data4.length;
for(let i2=0; i2<len2; i2++){
let data5 = data4[i2];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.url === undefined){
const err11 = {instancePath:instancePath+"/shadowed/" + i2,schemaPath:"#/properties/shadowed/items/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema40.properties.shadowed.items.required,parentSchema:schema40.properties.shadowed.items,data:data5};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data5.winner === undefined){
const err12 = {instancePath:instancePath+"/shadowed/" + i2,schemaPath:"#/properties/shadowed/items/required",keyword:"required",params:{missingProperty: "winner"},message:"must have required property '"+"winner"+"'",schema:schema40.properties.shadowed.items.required,parentSchema:schema40.properties.shadowed.items,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data5){
if(!(((key1 === "url") || (key1 === "winner")) || (key1 === "why"))){
const err13 = {instancePath:instancePath+"/shadowed/" + i2,schemaPath:"#/properties/shadowed/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema40.properties.shadowed.items,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data5.url !== undefined){
let data6 = data5.url;
if(typeof data6 === "string"){
if(!pattern16.test(data6)){
const err14 = {instancePath:instancePath+"/shadowed/" + i2+"/url",schemaPath:"#/$defs/url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s/?#]+"},message:"must match pattern \""+"^https?://[^\\s/?#]+"+"\"",schema:"^https?://[^\\s/?#]+",parentSchema:schema41,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/shadowed/" + i2+"/url",schemaPath:"#/$defs/url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.type,parentSchema:schema41,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data5.winner !== undefined){
let data7 = data5.winner;
if(typeof data7 === "string"){
if(!pattern4.test(data7)){
const err16 = {instancePath:instancePath+"/shadowed/" + i2+"/winner",schemaPath:"#/$defs/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\"",schema:"^[a-z0-9][a-z0-9-]*$",parentSchema:schema33,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
else {
const err17 = {instancePath:instancePath+"/shadowed/" + i2+"/winner",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data7};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data5.why !== undefined){
let data8 = data5.why;
if(typeof data8 !== "string"){
const err18 = {instancePath:instancePath+"/shadowed/" + i2+"/why",schemaPath:"#/properties/shadowed/items/properties/why/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema40.properties.shadowed.items.properties.why.type,parentSchema:schema40.properties.shadowed.items.properties.why,data:data8};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/shadowed/" + i2,schemaPath:"#/properties/shadowed/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.properties.shadowed.items.type,parentSchema:schema40.properties.shadowed.items,data:data5};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/shadowed",schemaPath:"#/properties/shadowed/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema40.properties.shadowed.type,parentSchema:schema40.properties.shadowed,data:data4};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema40.type,parentSchema:schema40,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate22.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
const _errs1 = errors;
let valid0 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.anyHost === undefined) && (missing0 = "anyHost")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.anyHost !== undefined){
if(true !== data.anyHost){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
let ifClause0;
if(_valid0){
const _errs4 = errors;
const _errs5 = errors;
const _errs6 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.domains === undefined) && (missing1 = "domains")){
const err2 = {};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
var valid2 = _errs6 === errors;
if(valid2){
const err3 = {instancePath,schemaPath:"#/then/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema34.then.not,parentSchema:schema34.then,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
errors = _errs5;
if(vErrors !== null){
if(_errs5){
vErrors.length = _errs5;
}
else {
vErrors = null;
}
}
}
const _errs7 = errors;
let valid3 = false;
const _errs8 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.path === undefined){
const err4 = {instancePath,schemaPath:"#/then/anyOf/0/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema34.then.anyOf[0].required,parentSchema:schema34.then.anyOf[0],data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
var _valid1 = _errs8 === errors;
valid3 = valid3 || _valid1;
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.host === undefined){
const err5 = {instancePath,schemaPath:"#/then/anyOf/1/required",keyword:"required",params:{missingProperty: "host"},message:"must have required property '"+"host"+"'",schema:schema34.then.anyOf[1].required,parentSchema:schema34.then.anyOf[1],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
var _valid1 = _errs9 === errors;
valid3 = valid3 || _valid1;
if(!valid3){
const err6 = {instancePath,schemaPath:"#/then/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema34.then.anyOf,parentSchema:schema34.then,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
errors = _errs7;
if(vErrors !== null){
if(_errs7){
vErrors.length = _errs7;
}
else {
vErrors = null;
}
}
}
var _valid0 = _errs4 === errors;
valid0 = _valid0;
ifClause0 = "then";
}
else {
const _errs11 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.domains === undefined){
const err7 = {instancePath,schemaPath:"#/else/required",keyword:"required",params:{missingProperty: "domains"},message:"must have required property '"+"domains"+"'",schema:schema34.else.required,parentSchema:schema34.else,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
var _valid0 = _errs11 === errors;
valid0 = _valid0;
ifClause0 = "else";
}
if(!valid0){
const err8 = {instancePath,schemaPath:"#/if",keyword:"if",params:{failingKeyword: ifClause0},message:"must match \""+ifClause0+"\" schema",schema:schema34.if,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err9 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data.kind === undefined){
const err10 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.provenance === undefined){
const err11 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "provenance"},message:"must have required property '"+"provenance"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data.examples === undefined){
const err12 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "examples"},message:"must have required property '"+"examples"+"'",schema:schema34.required,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key0 in data){
if(!(func1.call(schema34.properties, key0))){
const err13 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.id !== undefined){
let data1 = data.id;
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
const err14 = {instancePath:instancePath+"/id",schemaPath:"#/$defs/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\"",schema:"^[a-z0-9][a-z0-9-]*$",parentSchema:schema33,data:data1};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data1};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.kind !== undefined){
let data2 = data.kind;
if(!((((data2 === "open") || (data2 === "beacon")) || (data2 === "click")) || (data2 === "asset"))){
const err16 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema34.properties.kind.enum},message:"must be equal to one of the allowed values",schema:schema34.properties.kind.enum,parentSchema:schema34.properties.kind,data:data2};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.domains !== undefined){
let data3 = data.domains;
if(Array.isArray(data3)){
if(data3.length < 1){
const err17 = {instancePath:instancePath+"/domains",schemaPath:"#/properties/domains/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema34.properties.domains,data:data3};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 === "string"){
if(!pattern8.test(data4)){
const err18 = {instancePath:instancePath+"/domains/" + i0,schemaPath:"#/properties/domains/items/pattern",keyword:"pattern",params:{pattern: "^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]*[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]*[a-z][a-z0-9-]*$"+"\"",schema:"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]*[a-z][a-z0-9-]*$",parentSchema:schema34.properties.domains.items,data:data4};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
else {
const err19 = {instancePath:instancePath+"/domains/" + i0,schemaPath:"#/properties/domains/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.domains.items.type,parentSchema:schema34.properties.domains.items,data:data4};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
let i1 = data3.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data3[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err20 = {instancePath:instancePath+"/domains",schemaPath:"#/properties/domains/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema34.properties.domains,data:data3};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err21 = {instancePath:instancePath+"/domains",schemaPath:"#/properties/domains/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.domains.type,parentSchema:schema34.properties.domains,data:data3};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.anyHost !== undefined){
let data5 = data.anyHost;
if(true !== data5){
const err22 = {instancePath:instancePath+"/anyHost",schemaPath:"#/properties/anyHost/const",keyword:"const",params:{allowedValue: true},message:"must be equal to constant",schema:true,parentSchema:schema34.properties.anyHost,data:data5};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.host !== undefined){
let data6 = data.host;
if(typeof data6 === "string"){
if(!pattern5.test(data6)){
const err23 = {instancePath:instancePath+"/host",schemaPath:"#/$defs/regex/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
else {
const err24 = {instancePath:instancePath+"/host",schemaPath:"#/$defs/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data6};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.path !== undefined){
let data7 = data.path;
if(typeof data7 === "string"){
if(!pattern5.test(data7)){
const err25 = {instancePath:instancePath+"/path",schemaPath:"#/$defs/regex/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema36,data:data7};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
else {
const err26 = {instancePath:instancePath+"/path",schemaPath:"#/$defs/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data7};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.query !== undefined){
let data8 = data.query;
if(typeof data8 === "string"){
if(!pattern5.test(data8)){
const err27 = {instancePath:instancePath+"/query",schemaPath:"#/$defs/regex/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema36,data:data8};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
else {
const err28 = {instancePath:instancePath+"/query",schemaPath:"#/$defs/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.type,parentSchema:schema36,data:data8};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.ignoreCase !== undefined){
let data9 = data.ignoreCase;
if(typeof data9 !== "boolean"){
const err29 = {instancePath:instancePath+"/ignoreCase",schemaPath:"#/properties/ignoreCase/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema34.properties.ignoreCase.type,parentSchema:schema34.properties.ignoreCase,data:data9};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data.note !== undefined){
let data10 = data.note;
if(typeof data10 === "string"){
if(!pattern5.test(data10)){
const err30 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema34.properties.note,data:data10};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema34.properties.note.type,parentSchema:schema34.properties.note,data:data10};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data.provenance !== undefined){
let data11 = data.provenance;
if(Array.isArray(data11)){
if(data11.length < 1){
const err32 = {instancePath:instancePath+"/provenance",schemaPath:"#/properties/provenance/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema34.properties.provenance,data:data11};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
const len1 = data11.length;
for(let i2=0; i2<len1; i2++){
let data12 = data11[i2];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.type === undefined){
const err33 = {instancePath:instancePath+"/provenance/" + i2,schemaPath:"#/$defs/provenance/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema39.required,parentSchema:schema39,data:data12};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data12.ref === undefined){
const err34 = {instancePath:instancePath+"/provenance/" + i2,schemaPath:"#/$defs/provenance/required",keyword:"required",params:{missingProperty: "ref"},message:"must have required property '"+"ref"+"'",schema:schema39.required,parentSchema:schema39,data:data12};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data12.read === undefined){
const err35 = {instancePath:instancePath+"/provenance/" + i2,schemaPath:"#/$defs/provenance/required",keyword:"required",params:{missingProperty: "read"},message:"must have required property '"+"read"+"'",schema:schema39.required,parentSchema:schema39,data:data12};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key1 in data12){
if(!((((key1 === "type") || (key1 === "ref")) || (key1 === "read")) || (key1 === "note"))){
const err36 = {instancePath:instancePath+"/provenance/" + i2,schemaPath:"#/$defs/provenance/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema39,data:data12};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data12.type !== undefined){
let data13 = data12.type;
if(!(((((data13 === "vendor-docs") || (data13 === "sdk-source")) || (data13 === "public-list")) || (data13 === "observed-mail")) || (data13 === "public-research"))){
const err37 = {instancePath:instancePath+"/provenance/" + i2+"/type",schemaPath:"#/$defs/provenance/properties/type/enum",keyword:"enum",params:{allowedValues: schema39.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema39.properties.type.enum,parentSchema:schema39.properties.type,data:data13};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data12.ref !== undefined){
let data14 = data12.ref;
if(typeof data14 === "string"){
if(!pattern5.test(data14)){
const err38 = {instancePath:instancePath+"/provenance/" + i2+"/ref",schemaPath:"#/$defs/provenance/properties/ref/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema39.properties.ref,data:data14};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/provenance/" + i2+"/ref",schemaPath:"#/$defs/provenance/properties/ref/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.ref.type,parentSchema:schema39.properties.ref,data:data14};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data12.read !== undefined){
let data15 = data12.read;
if(typeof data15 === "string"){
if(!pattern14.test(data15)){
const err40 = {instancePath:instancePath+"/provenance/" + i2+"/read",schemaPath:"#/$defs/provenance/properties/read/pattern",keyword:"pattern",params:{pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$"},message:"must match pattern \""+"^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$"+"\"",schema:"^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$",parentSchema:schema39.properties.read,data:data15};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
else {
const err41 = {instancePath:instancePath+"/provenance/" + i2+"/read",schemaPath:"#/$defs/provenance/properties/read/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.read.type,parentSchema:schema39.properties.read,data:data15};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data12.note !== undefined){
let data16 = data12.note;
if(typeof data16 === "string"){
if(!pattern5.test(data16)){
const err42 = {instancePath:instancePath+"/provenance/" + i2+"/note",schemaPath:"#/$defs/provenance/properties/note/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema39.properties.note,data:data16};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/provenance/" + i2+"/note",schemaPath:"#/$defs/provenance/properties/note/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema39.properties.note.type,parentSchema:schema39.properties.note,data:data16};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/provenance/" + i2,schemaPath:"#/$defs/provenance/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data:data12};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/provenance",schemaPath:"#/properties/provenance/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema34.properties.provenance.type,parentSchema:schema34.properties.provenance,data:data11};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.examples !== undefined){
if(!(validate23(data.examples, {instancePath:instancePath+"/examples",parentData:data,parentDataProperty:"examples",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
}
else {
const err46 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema34.type,parentSchema:schema34,data};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}
validate22.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.category === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "category"},message:"must have required property '"+"category"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.patterns === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "patterns"},message:"must have required property '"+"patterns"+"'",schema:schema32.required,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "id") || (key0 === "name")) || (key0 === "organisation")) || (key0 === "category")) || (key0 === "patterns"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!pattern4.test(data0)){
const err5 = {instancePath:instancePath+"/id",schemaPath:"#/$defs/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z0-9][a-z0-9-]*$"+"\"",schema:"^[a-z0-9][a-z0-9-]*$",parentSchema:schema33,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/id",schemaPath:"#/$defs/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema33.type,parentSchema:schema33,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(!pattern5.test(data1)){
const err7 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema32.properties.name,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.name.type,parentSchema:schema32.properties.name,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.organisation !== undefined){
let data2 = data.organisation;
if(typeof data2 === "string"){
if(!pattern5.test(data2)){
const err9 = {instancePath:instancePath+"/organisation",schemaPath:"#/properties/organisation/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\"",schema:"\\S",parentSchema:schema32.properties.organisation,data:data2};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/organisation",schemaPath:"#/properties/organisation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema32.properties.organisation.type,parentSchema:schema32.properties.organisation,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.category !== undefined){
let data3 = data.category;
if(!((((((((data3 === "esp") || (data3 === "marketing-automation")) || (data3 === "sales-tracker")) || (data3 === "analytics")) || (data3 === "ad-tech")) || (data3 === "email-qa")) || (data3 === "personalisation")) || (data3 === "transactional"))){
const err11 = {instancePath:instancePath+"/category",schemaPath:"#/properties/category/enum",keyword:"enum",params:{allowedValues: schema32.properties.category.enum},message:"must be equal to one of the allowed values",schema:schema32.properties.category.enum,parentSchema:schema32.properties.category,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.patterns !== undefined){
let data4 = data.patterns;
if(Array.isArray(data4)){
if(data4.length < 1){
const err12 = {instancePath:instancePath+"/patterns",schemaPath:"#/properties/patterns/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema32.properties.patterns,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
const len0 = data4.length;
for(let i0=0; i0<len0; i0++){
if(!(validate22(data4[i0], {instancePath:instancePath+"/patterns/" + i0,parentData:data4,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err13 = {instancePath:instancePath+"/patterns",schemaPath:"#/properties/patterns/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema32.properties.patterns.type,parentSchema:schema32.properties.patterns,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema32.type,parentSchema:schema32,data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="urn:pixelaudit:rules:trackers.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.vendors === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "vendors"},message:"must have required property '"+"vendors"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "$schema") || (key0 === "$comment")) || (key0 === "vendors"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.$schema !== undefined){
let data0 = data.$schema;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$schema.type,parentSchema:schema31.properties.$schema,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.$comment !== undefined){
let data1 = data.$comment;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/$comment",schemaPath:"#/properties/%24comment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.$comment.type,parentSchema:schema31.properties.$comment,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.vendors !== undefined){
let data2 = data.vendors;
if(Array.isArray(data2)){
if(data2.length < 1){
const err4 = {instancePath:instancePath+"/vendors",schemaPath:"#/properties/vendors/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema31.properties.vendors,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
if(!(validate21(data2[i0], {instancePath:instancePath+"/vendors/" + i0,parentData:data2,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
}
else {
const err5 = {instancePath:instancePath+"/vendors",schemaPath:"#/properties/vendors/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema31.properties.vendors.type,parentSchema:schema31.properties.vendors,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

